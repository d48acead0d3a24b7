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
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
}
