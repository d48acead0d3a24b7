package dev.cassette.core.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.FieldProfile;
import dev.cassette.core.GoDuration;
import dev.cassette.core.Interaction;
import dev.cassette.core.Layout;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import dev.cassette.core.SharedFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cassette.core.Body;
import dev.cassette.core.GoString;
import java.util.HashSet;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class CassetteReaderTest {
  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void everyCorpusFileLoadsWithItsInteractionCount() throws IOException {
    Path corpus = SharedFiles.require("corpus/fantasy");
    List<String> manifest = Files.readAllLines(corpus.resolve("MANIFEST.tsv"));
    int checked = 0;
    for (String line : manifest) {
      String[] columns = line.split("\t");
      if (columns.length < 3 || !columns[0].endsWith(".yaml")) continue;
      Cassette cassette = Cassette.load(corpus.resolve(columns[0]));
      assertEquals(Integer.parseInt(columns[2]), cassette.interactions().size(), columns[0]);
      checked++;
    }
    assertEquals(350, checked);
    assertEquals(350, yamlFiles(corpus).size());
  }

  @Test
  void everyFixtureLoads() throws IOException {
    List<Path> fixtures = yamlFiles(SharedFiles.fixtures());
    assertTrue(fixtures.size() >= 8, "fixtures: " + fixtures);
    for (Path file : fixtures) {
      Cassette cassette = Cassette.load(file);
      assertFalse(cassette.interactions().isEmpty(), file.toString());
    }
  }

  @Test
  void seedFixtureFieldsInDetail() throws IOException {
    Cassette cassette = Cassette.load(SharedFiles.fixtures().resolve("huggingface/multi_tool_streaming.yaml"));
    assertEquals(2, cassette.interactions().size());
    assertEquals(Layout.COMPACT, cassette.layout());
    assertEquals(FieldProfile.MODERN, cassette.profile());

    Interaction first = cassette.interactions().get(0);
    Request request = first.request();
    assertEquals("POST", request.method());
    assertEquals("https://router.huggingface.co/v1/chat/completions", request.url());
    assertEquals("HTTP/1.1", request.proto());
    assertEquals(1, request.protoMajor());
    assertEquals(1, request.protoMinor());
    assertEquals(879, request.contentLength());
    assertEquals("", request.host());
    assertEquals("", request.remoteAddr());
    assertEquals(List.of(), request.transferEncoding());
    assertEquals(Multimap.empty(), request.form());
    assertEquals(List.of("Accept", "Content-Type", "User-Agent"), List.copyOf(request.headers().names()));
    assertEquals(List.of("application/json"), request.headers().get("Accept"));
    assertEquals(List.of("Charm-Fantasy/0.12.2 (https://charm.land/fantasy)"),
        request.headers().get("User-Agent"));
    assertTrue(request.body().text().startsWith("{\"messages\":[{\"content\":\"You are a helpful assistant."));
    assertTrue(request.body().text().endsWith("\"stream\":true}"));
    assertEquals(879, request.body().length());

    Response response = first.response();
    assertEquals("HTTP/2.0", response.proto());
    assertEquals(2, response.protoMajor());
    assertEquals(0, response.protoMinor());
    assertEquals(-1, response.contentLength());
    assertFalse(response.uncompressed());
    assertEquals("200 OK", response.status());
    assertEquals(200, response.code());
    assertEquals(GoDuration.parse("299.20475ms"), response.duration());
    assertEquals(299_204_750L, response.duration().toNanos());
    assertEquals(List.of("text/event-stream"), response.headers().get("Content-Type"));
    String body = response.body().text();
    assertTrue(body.startsWith("data: {\"id\":\"chatcmpl-edcdda85-c2ec-4f70-9142-7b04f06c47aa\""), body);
    assertTrue(body.endsWith("data: [DONE]\n\n"), body.substring(body.length() - 40));

    Interaction second = cassette.interactions().get(1);
    assertEquals("POST", second.request().method());
    assertEquals(200, second.response().code());
  }

  @Test
  void binaryBodyDecodesToExactBytes() throws IOException {
    Path file = SharedFiles.fixtures().resolve("bedrock/simple_streaming.yaml");
    Cassette cassette = Cassette.load(file);
    byte[] body = cassette.interactions().get(0).response().body().bytes();
    assertArrayEquals(base64Block(Files.readAllLines(file), "    body: !!binary |"), body);
    // An AWS event stream: a big-endian total length, then the headers' length.
    assertEquals(0x000002AB, readInt(body, 0));
    assertFalse(cassette.interactions().get(0).response().body().isUtf8());
  }

  /** The base64 lines under a block-scalar line, decoded independently of the reader. */
  private static byte[] base64Block(List<String> lines, String header) {
    int start = lines.indexOf(header);
    assertTrue(start >= 0, "no line " + header);
    String indent = " ".repeat(header.indexOf("body") + 2);
    StringBuilder base64 = new StringBuilder();
    for (int i = start + 1; i < lines.size() && lines.get(i).startsWith(indent); i++) {
      base64.append(lines.get(i).trim());
    }
    return Base64.getDecoder().decode(base64.toString());
  }

  private static int readInt(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
        | bytes[at + 3] & 0xFF;
  }

  @Test
  void govcrDefaultLayoutIsIndented() throws IOException {
    Cassette cassette = Cassette.load(SharedFiles.fixtures().resolve("govcr/anthropic_web_search_stream.yaml"));
    assertEquals(Layout.INDENTED, cassette.layout());
    assertEquals(FieldProfile.MODERN, cassette.profile());
  }

  @Test
  void loadFromStreamAndString() throws IOException {
    Path file = SharedFiles.fixtures().resolve("anthropic/simple.yaml");
    byte[] bytes = Files.readAllBytes(file);
    Cassette fromFile = Cassette.load(file);
    assertEquals(fromFile, Cassette.load(new ByteArrayInputStream(bytes), "simple.yaml"));
    assertEquals(fromFile, Cassette.parse(new String(bytes, StandardCharsets.UTF_8)));
  }

  @Test
  void absentKeysTakeGoZeroValues() {
    Cassette cassette = Cassette.parse("version: 2\ninteractions:\n- request:\n    url: http://x\n"
        + "    method: GET\n  response:\n    code: 204\n");
    Request request = cassette.interactions().get(0).request();
    assertEquals("", request.proto());
    assertEquals(0, request.protoMajor());
    assertEquals(0, request.protoMinor());
    assertEquals(0, request.contentLength());
    Response response = cassette.interactions().get(0).response();
    assertEquals("", response.proto());
    assertEquals(0, response.protoMajor());
    assertEquals(0, response.protoMinor());
    assertEquals(0, response.contentLength());
    assertEquals("", response.status());
    assertEquals(204, response.code());
    assertEquals(GoDuration.ZERO, response.duration());
    assertEquals(Multimap.empty(), response.headers());
    assertTrue(response.body().isEmpty());
  }

  @Test
  void emptyCassetteIsCompactAndModern() {
    Cassette cassette = Cassette.parse("---\nversion: 2\ninteractions: []\n");
    assertTrue(cassette.interactions().isEmpty());
    assertEquals(Layout.COMPACT, cassette.layout());
    assertEquals(FieldProfile.MODERN, cassette.profile());
  }

  @Test
  void namesKeepCaseAndOrderAndEmptyLists() {
    Cassette cassette = Cassette.parse("version: 2\ninteractions:\n- request:\n    url: u\n    method: GET\n"
        + "    headers:\n      x-b:\n      - '2'\n      - \"1\"\n      A: []\n      content-type: [a, b]\n"
        + "  response:\n    code: 200\n    duration: 1m2.5s\n");
    Multimap headers = cassette.interactions().get(0).request().headers();
    assertEquals(List.of("x-b", "A", "content-type"), new ArrayList<>(headers.names()));
    assertEquals(List.of("2", "1"), headers.get("x-b"));
    assertEquals(List.of(), headers.get("A"));
    assertEquals(List.of("a", "b"), headers.get("content-type"));
    assertEquals(62_500_000_000L, cassette.interactions().get(0).response().duration().toNanos());
  }

  @Test
  void goScalarRules() {
    Cassette cassette = Cassette.parse("version: 2\ninteractions:\n- id: 0\n  request:\n    proto: ~\n"
        + "    host: null\n    content_length: 0x1F\n    proto_major: 0o7\n    proto_minor: 1_0\n"
        + "    body: !!binary aGVs\n      bG8=\n    url: 123\n    method: true\n"
        + "  response:\n    code: 017\n    uncompressed: yes\n    status: \"\"\n    content_length: -1\n"
        + "    duration: \"0\"\n");
    Request request = cassette.interactions().get(0).request();
    assertEquals("", request.proto());
    assertEquals("", request.host());
    assertEquals(31, request.contentLength());
    assertEquals(7, request.protoMajor());
    assertEquals(10, request.protoMinor());
    assertEquals("hello", request.body().text());
    assertEquals("123", request.url());
    assertEquals("true", request.method());
    Response response = cassette.interactions().get(0).response();
    assertEquals(15, response.code());
    assertTrue(response.uncompressed());
    assertEquals(-1, response.contentLength());
    assertEquals(GoDuration.ZERO, response.duration());
  }

  @Test
  void writerVectorsLoadToTheirDataWithLayoutAndProfile() throws IOException {
    Path vectors = SharedFiles.require("vectors");
    List<String> failures = new ArrayList<>();
    checkVectors(vectors.resolve("fantasy"), Layout.COMPACT, FieldProfile.MODERN, failures);
    checkVectors(vectors.resolve("govcr"), Layout.INDENTED, FieldProfile.MODERN, failures);
    checkVectors(vectors.resolve("govcr-legacy"), Layout.INDENTED, FieldProfile.LEGACY, failures);
    assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " vectors fail");
  }

  private static void checkVectors(Path folder, Layout layout, FieldProfile profile, List<String> failures)
      throws IOException {
    Set<String> lossy = new HashSet<>();
    Matcher name = Pattern.compile("^(v\\d+\\.yaml):", Pattern.MULTILINE)
        .matcher(Files.readString(folder.resolve("LOSSY.txt")));
    while (name.find()) lossy.add(name.group(1));
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    for (Path file : yamlFiles(folder)) {
      if (lossy.contains(file.getFileName().toString())) continue;
      checked++;
      try {
        Cassette cassette = Cassette.load(file);
        Path data = Path.of(file.toString().replaceAll("\\.yaml$", ".json"));
        Cassette expected = fromJson(json.readTree(data.toFile()), layout, profile);
        // An empty cassette reads the same in every layout and profile: it is new-style.
        boolean empty = cassette.interactions().isEmpty();
        Layout expectedLayout = empty ? Layout.COMPACT : layout;
        FieldProfile expectedProfile = empty ? FieldProfile.MODERN : profile;
        if (cassette.layout() != expectedLayout || cassette.profile() != expectedProfile) {
          failures.add(file + ": detected " + cassette.layout() + "/" + cassette.profile());
        }
        if (!cassette.interactions().equals(expected.interactions())) {
          failures.add(file + ": " + firstDifference(expected, cassette));
        }
      } catch (RuntimeException e) {
        failures.add(file + ": " + e);
      }
    }
    assertTrue(checked >= 250, "only " + checked + " vectors in " + folder);
  }

  private static String firstDifference(Cassette expected, Cassette actual) {
    if (expected.interactions().size() != actual.interactions().size()) {
      return expected.interactions().size() + " interactions expected, " + actual.interactions().size() + " read";
    }
    for (int i = 0; i < expected.interactions().size(); i++) {
      Interaction e = expected.interactions().get(i);
      Interaction a = actual.interactions().get(i);
      String where = "interactions[" + i + "]";
      Request eq = e.request();
      Request aq = a.request();
      List<Object[]> fields = List.of(
          new Object[] {"request.proto", eq.proto(), aq.proto()},
          new Object[] {"request.transfer_encoding", eq.transferEncoding(), aq.transferEncoding()},
          new Object[] {"request.trailer", eq.trailer(), aq.trailer()},
          new Object[] {"request.host", eq.host(), aq.host()},
          new Object[] {"request.remote_addr", eq.remoteAddr(), aq.remoteAddr()},
          new Object[] {"request.request_uri", eq.requestUri(), aq.requestUri()},
          new Object[] {"request.body", eq.body().goString(), aq.body().goString()},
          new Object[] {"request.form", eq.form(), aq.form()},
          new Object[] {"request.headers", eq.headers(), aq.headers()},
          new Object[] {"request.url", eq.url(), aq.url()},
          new Object[] {"request.method", eq.method(), aq.method()},
          new Object[] {"response.proto", e.response().proto(), a.response().proto()},
          new Object[] {"response.transfer_encoding", e.response().transferEncoding(), a.response().transferEncoding()},
          new Object[] {"response.trailer", e.response().trailer(), a.response().trailer()},
          new Object[] {"response.body", e.response().body().goString(), a.response().body().goString()},
          new Object[] {"response.headers", e.response().headers(), a.response().headers()},
          new Object[] {"response.status", e.response().status(), a.response().status()});
      for (Object[] field : fields) {
        if (!field[1].equals(field[2])) {
          return where + "." + field[0] + ": expected " + escape(field[1]) + " but read " + escape(field[2]);
        }
      }
      if (!e.equals(a)) return where + " differs";
    }
    return "no difference";
  }

  private static String escape(Object value) {
    StringBuilder out = new StringBuilder();
    value.toString().codePoints().forEach(c -> {
      if (c < 0x20 || c >= 0x7F) out.append(String.format("\\u{%X}", c));
      else out.appendCodePoint(c);
    });
    return out.toString();
  }

  /** The vector's data as the cassette Go wrote it from. */
  private static Cassette fromJson(JsonNode root, Layout layout, FieldProfile profile) {
    Cassette.Builder cassette = Cassette.builder().layout(layout).profile(profile);
    for (JsonNode interaction : root.get("interactions")) {
      JsonNode q = interaction.get("request");
      JsonNode r = interaction.get("response");
      Request request = Request.builder()
          .proto(text(q.get("proto"))).protoMajor(q.get("proto_major").asInt())
          .protoMinor(q.get("proto_minor").asInt()).contentLength(q.get("content_length").asLong())
          .transferEncoding(texts(q.get("transfer_encoding"))).trailer(multimap(q.get("trailer")))
          .host(text(q.get("host"))).remoteAddr(text(q.get("remote_addr")))
          .requestUri(text(q.get("request_uri"))).body(Body.ofGoString(text(q.get("body"))))
          .form(multimap(q.get("form"))).headers(multimap(q.get("headers")))
          .url(text(q.get("url"))).method(text(q.get("method"))).build();
      Response response = Response.builder()
          .proto(text(r.get("proto"))).protoMajor(r.get("proto_major").asInt())
          .protoMinor(r.get("proto_minor").asInt()).transferEncoding(texts(r.get("transfer_encoding")))
          .trailer(multimap(r.get("trailer"))).contentLength(r.get("content_length").asLong())
          .uncompressed(r.get("uncompressed").asBoolean()).body(Body.ofGoString(text(r.get("body"))))
          .headers(multimap(r.get("headers"))).status(text(r.get("status"))).code(r.get("code").asInt())
          .duration(GoDuration.ofNanos(r.get("duration_ns").asLong())).build();
      cassette.add(request, response);
    }
    return cassette.build();
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) return "";
    if (node.isObject()) return GoString.decode(Base64.getDecoder().decode(node.get("base64").asText()));
    return node.asText();
  }

  private static List<String> texts(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null) node.forEach(v -> values.add(text(v)));
    return values;
  }

  private static Multimap multimap(JsonNode node) {
    Multimap.Builder values = Multimap.builder();
    if (node == null || node.isNull()) return values.build();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      values.addAll(entry.getKey(), texts(entry.getValue()));
    }
    return values.build();
  }

  private static Request onlyRequest(String requestLines) {
    return Cassette.parse("version: 2\ninteractions:\n- request:\n" + requestLines
        + "    method: GET\n  response:\n    code: 200\n").interactions().get(0).request();
  }

  @Test
  void lineAndParagraphSeparatorsReadAsGoReadsThem() {
    // Escapes Go writes in double quotes, which snakeyaml does not know; elsewhere \L is text.
    assertEquals("a\u2028b\u2029c", onlyRequest("    url: \"a\\Lb\\Pc\"\n").url());
    assertEquals("a\\\\L", onlyRequest("    url: \"a\\\\\\\\L\"\n").url());
    assertEquals("C:\\Logs", onlyRequest("    url: C:\\Logs\n").url());
    assertEquals("C:\\Logs\n", onlyRequest("    url: u\n    body: |\n      C:\\Logs\n").body().text());
    // A separator in single quotes is a line break to Go: the indentation after it is not content.
    assertEquals("x\u2028y z", onlyRequest("    url: 'x \u2028      y z'\n").url());
    assertEquals("\u2029, a", onlyRequest("    url: '\u2029    , a'\n").url());
    // A literal block line starting with a separator is an empty line whose break is the separator.
    assertEquals("\u2028 brown\ntoken", onlyRequest(
        "    url: u\n    body: |2-\n\u2028       brown\n      token\n").body().text());
  }
}
