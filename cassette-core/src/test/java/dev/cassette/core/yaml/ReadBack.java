package dev.cassette.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.core.Body;
import dev.cassette.core.Cassette;
import dev.cassette.core.GoDuration;
import dev.cassette.core.GoString;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Checks that YAML we wrote reads back to the cassette it came from, using snakeyaml-engine's generic
 * loader as an independent reader.
 */
final class ReadBack {
  private ReadBack() {}

  static void assertReadsBackTo(Cassette expected, String yaml, String name) {
    Object loaded = new Load(LoadSettings.builder().build()).loadFromString(spellLineSeparators(yaml));
    Cassette actual = toCassette((Map<?, ?>) loaded, expected);
    for (int i = 0; i < expected.interactions().size(); i++) {
      assertEquals(expected.interactions().get(i).request(), actual.interactions().get(i).request(),
          name + " interaction " + i + " request");
      assertEquals(expected.interactions().get(i).response(), actual.interactions().get(i).response(),
          name + " interaction " + i + " response");
    }
    assertEquals(expected, actual, name);
  }

  /**
   * snakeyaml-engine does not know the {@code \\L} and {@code \\P} escapes (U+2028, U+2029) that Go
   * writes in double-quoted strings, so they are spelled {@code \\u2028} and {@code \\u2029} first.
   */
  private static String spellLineSeparators(String yaml) {
    StringBuilder out = new StringBuilder(yaml.length());
    for (int i = 0; i < yaml.length(); i++) {
      char c = yaml.charAt(i);
      if (c == '\\' && i + 1 < yaml.length()) {
        char next = yaml.charAt(++i);
        if (next == 'L') out.append("\\u2028");
        else if (next == 'P') out.append("\\u2029");
        else out.append(c).append(next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Cassette toCassette(Map<?, ?> doc, Cassette like) {
    Cassette.Builder b = Cassette.builder().layout(like.layout()).profile(like.profile());
    for (Object o : (List<?>) doc.get("interactions")) {
      Map<?, ?> i = (Map<?, ?>) o;
      Map<?, ?> q = (Map<?, ?>) i.get("request");
      Map<?, ?> s = (Map<?, ?>) i.get("response");
      Request request = Request.builder()
          .proto(str(q.get("proto")))
          .protoMajor(((Number) q.get("proto_major")).intValue())
          .protoMinor(((Number) q.get("proto_minor")).intValue())
          .contentLength(((Number) q.get("content_length")).longValue())
          .transferEncoding(list(q.get("transfer_encoding")))
          .trailer(multimap(q.get("trailer")))
          .host(str(q.get("host")))
          .remoteAddr(str(q.get("remote_addr")))
          .requestUri(str(q.get("request_uri")))
          .body(Body.ofGoString(str(q.get("body"))))
          .form(multimap(q.get("form")))
          .headers(multimap(q.get("headers")))
          .url(str(q.get("url")))
          .method(str(q.get("method")))
          .build();
      Response response = Response.builder()
          .proto(str(s.get("proto")))
          .protoMajor(((Number) s.get("proto_major")).intValue())
          .protoMinor(((Number) s.get("proto_minor")).intValue())
          .transferEncoding(list(s.get("transfer_encoding")))
          .trailer(multimap(s.get("trailer")))
          .contentLength(((Number) s.get("content_length")).longValue())
          .uncompressed(Boolean.TRUE.equals(s.get("uncompressed")))
          .body(Body.ofGoString(str(s.get("body"))))
          .headers(multimap(s.get("headers")))
          .status(str(s.get("status")))
          .code(((Number) s.get("code")).intValue())
          .duration(GoDuration.parse(str(s.get("duration"))))
          .build();
      b.add(request, response);
    }
    return b.build();
  }

  private static String str(Object o) {
    if (o == null) return "";
    if (o instanceof byte[] bytes) return GoString.decode(bytes);
    if (o instanceof String s) return s;
    throw new AssertionError("not a string: " + o + " (" + o.getClass().getSimpleName() + ")");
  }

  private static List<String> list(Object o) {
    List<String> values = new ArrayList<>();
    if (o != null) for (Object v : (List<?>) o) values.add(str(v));
    return values;
  }

  private static Multimap multimap(Object o) {
    Multimap.Builder map = Multimap.builder();
    if (o != null) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) map.addAll(str(e.getKey()), list(e.getValue()));
    }
    return map.build();
  }

}
