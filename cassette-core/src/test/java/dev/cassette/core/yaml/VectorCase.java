package dev.cassette.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cassette.core.Body;
import dev.cassette.core.Cassette;
import dev.cassette.core.FieldProfile;
import dev.cassette.core.GoDuration;
import dev.cassette.core.GoString;
import dev.cassette.core.Layout;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One writer vector from {@code shared/vectors/FOLDER/}: the cassette built from {@code vNNNN.json},
 * the exact YAML Go wrote for it, and whether Go's own output fails to read back ({@code LOSSY.txt}).
 */
record VectorCase(String folder, String name, Cassette cassette, byte[] goYaml, boolean lossy) {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String toString() {
    return folder + "/" + name;
  }

  /** Every vector of a folder, in name order. */
  static List<VectorCase> all(Path vectors, String folder) throws IOException {
    Path dir = vectors.resolve(folder);
    Set<String> lossy = lossyNames(dir);
    List<VectorCase> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String name = json.getFileName().toString().replace(".json", "");
        Path yaml = dir.resolve(name + ".yaml");
        cases.add(new VectorCase(folder, name, build(JSON.readTree(json.toFile()), folder),
            Files.readAllBytes(yaml), lossy.contains(name)));
      }
    }
    return cases;
  }

  private static Set<String> lossyNames(Path dir) throws IOException {
    Set<String> names = new TreeSet<>();
    Path file = dir.resolve("LOSSY.txt");
    if (!Files.exists(file)) return names;
    for (String line : Files.readAllLines(file)) {
      int dot = line.indexOf(".yaml:");
      if (dot > 0) names.add(line.substring(0, dot));
    }
    return names;
  }

  static Layout layoutOf(String folder) {
    return folder.equals("fantasy") ? Layout.COMPACT : Layout.INDENTED;
  }

  static FieldProfile profileOf(String folder) {
    return folder.equals("govcr-legacy") ? FieldProfile.LEGACY : FieldProfile.MODERN;
  }

  static Cassette build(JsonNode root, String folder) {
    Cassette.Builder cassette = Cassette.builder().layout(layoutOf(folder)).profile(profileOf(folder));
    for (JsonNode interaction : root.get("interactions")) {
      JsonNode q = interaction.get("request");
      Request request = Request.builder()
          .proto(string(q.get("proto")))
          .protoMajor(q.get("proto_major").asInt())
          .protoMinor(q.get("proto_minor").asInt())
          .contentLength(q.get("content_length").asLong())
          .transferEncoding(list(q.get("transfer_encoding")))
          .trailer(multimap(q.get("trailer")))
          .host(string(q.get("host")))
          .remoteAddr(string(q.get("remote_addr")))
          .requestUri(string(q.get("request_uri")))
          .body(Body.of(bytes(q.get("body"))))
          .form(multimap(q.get("form")))
          .headers(multimap(q.get("headers")))
          .url(string(q.get("url")))
          .method(string(q.get("method")))
          .build();
      JsonNode s = interaction.get("response");
      Response response = Response.builder()
          .proto(string(s.get("proto")))
          .protoMajor(s.get("proto_major").asInt())
          .protoMinor(s.get("proto_minor").asInt())
          .transferEncoding(list(s.get("transfer_encoding")))
          .trailer(multimap(s.get("trailer")))
          .contentLength(s.get("content_length").asLong())
          .uncompressed(s.get("uncompressed").asBoolean())
          .body(Body.of(bytes(s.get("body"))))
          .headers(multimap(s.get("headers")))
          .status(string(s.get("status")))
          .code(s.get("code").asInt())
          .duration(GoDuration.ofNanos(s.get("duration_ns").asLong()))
          .build();
      cassette.add(request, response);
    }
    return cassette.build();
  }

  /** A JSON string, or {@code {"base64": ...}} for bytes that are not UTF-8. */
  static byte[] bytes(JsonNode node) {
    if (node.isTextual()) return node.asText().getBytes(StandardCharsets.UTF_8);
    return Base64.getDecoder().decode(node.get("base64").asText());
  }

  static String string(JsonNode node) {
    return GoString.decode(bytes(node));
  }

  private static List<String> list(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null && !node.isNull()) node.forEach(v -> values.add(string(v)));
    return values;
  }

  private static Multimap multimap(JsonNode node) {
    Multimap.Builder map = Multimap.builder();
    if (node == null || node.isNull()) return map.build();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      map.addAll(entry.getKey(), list(entry.getValue()));
    }
    return map.build();
  }
}
