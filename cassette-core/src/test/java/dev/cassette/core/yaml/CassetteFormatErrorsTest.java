package dev.cassette.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.CassetteFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad input: each names the source, the place and what to do. */
class CassetteFormatErrorsTest {
  private static final String REQUEST = "  request:\n    url: http://x\n    method: GET\n";
  private static final String RESPONSE = "  response:\n    code: 200\n";

  @TempDir Path dir;

  /** Parses text that must fail, as the source "t.yaml", and checks the place and the message. */
  private static CassetteFormatException fails(String yaml, int line, int column, String... words) {
    CassetteFormatException e = assertThrows(CassetteFormatException.class,
        () -> new CassetteReader().read(yaml, "t.yaml"));
    assertPlace(e, "t.yaml", line, column, words);
    return e;
  }

  private static void assertPlace(CassetteFormatException e, String source, int line, int column,
      String... words) {
    assertEquals(source, e.source(), e.getMessage());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
    String prefix = line > 0 ? source + ":" + line + ":" + column + ": " : source + ": ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    for (String word : words) assertTrue(e.getMessage().contains(word), "'" + word + "' not in: " + e.getMessage());
  }

  private static String cassette(String interaction) {
    return "version: 2\ninteractions:\n" + interaction;
  }

  @Test
  void notYaml() {
    fails("version: 2\ninteractions: [\n  - a\n", 3, 3, "not valid YAML", "found '-'", "check the indentation");
    fails("version: 2\n interactions: []\n", 2, 14, "not valid YAML", "mapping values are not allowed");
  }

  @Test
  void emptyFile() {
    fails("", 1, 1, "the input is empty", "version: 2");
    fails("---\n", 2, 1, "empty", "version: 2");
    fails("# only a comment\n", 1, 1, "empty");
  }

  @Test
  void topLevelNotAMapping() {
    fails("---\n- version: 2\n", 2, 1, "found a sequence at the top level", "expected a go-vcr cassette");
    fails("hello\n", 1, 1, "found 'hello' at the top level");
  }

  @Test
  void unsupportedVersion() {
    fails("version: 1\ninteractions: []\n", 1, 10,
        "cassette version 1 is not supported; this library reads version 2 (go-vcr v4)");
    fails("version: 3\ninteractions: []\n", 1, 10, "cassette version 3 is not supported", "version 2");
    fails("version: two\ninteractions: []\n", 1, 10, "found 'two'", "expected 2");
    fails("version: [2]\ninteractions: []\n", 1, 10, "found a sequence", "expected 2");
  }

  @Test
  void missingVersion() {
    fails("interactions: []\n", 1, 1, "missing required key 'version'", "add 'version: 2'");
  }

  @Test
  void missingRequiredKeys() {
    fails("version: 2\n", 1, 1, "missing required key 'interactions'", "interactions: []");
    fails(cassette("- id: 0\n" + RESPONSE), 3, 3, "interactions[0]", "missing required key 'request'");
    fails(cassette("- id: 0\n" + REQUEST), 3, 3, "interactions[0]", "missing required key 'response'");
    fails(cassette("- request:\n    method: GET\n" + RESPONSE), 4, 5,
        "interactions[0].request: missing required key 'url'");
    fails(cassette("- request:\n    url: u\n" + RESPONSE), 4, 5,
        "interactions[0].request: missing required key 'method'");
    fails(cassette("-" + REQUEST.substring(1) + "  response:\n    status: 200 OK\n"), 7, 5,
        "interactions[0].response: missing required key 'code'", "code: 200");
    fails(cassette("-\n"), 3, 2, "interactions[0]", "empty interaction");
  }

  @Test
  void wrongTypes() {
    fails(cassette("- request:\n  - url\n" + RESPONSE), 4, 3,
        "interactions[0].request: found a sequence, expected a request", "url, method");
    fails(cassette("-" + REQUEST.substring(1) + "    content_length: abc\n" + RESPONSE), 6, 21,
        "interactions[0].request.content_length: found 'abc', expected an integer");
    fails(cassette("-" + REQUEST.substring(1) + "    content_length: \"12\"\n" + RESPONSE), 6, 21,
        "content_length", "quoted string \"12\"", "without quotes");
    fails(cassette("-" + REQUEST.substring(1) + "    proto_major: 1.5\n" + RESPONSE), 6, 18,
        "proto_major", "1.5", "whole number");
    fails(cassette("-" + REQUEST.substring(1) + "    proto_major: 99999999999\n" + RESPONSE), 6, 18,
        "proto_major", "out of range");
    fails(cassette("-" + REQUEST.substring(1) + "    headers: text/plain\n" + RESPONSE), 6, 14,
        "interactions[0].request.headers: found 'text/plain', expected a mapping from names to lists");
    fails(cassette("-" + REQUEST.substring(1) + "    headers:\n      Accept: text/plain\n" + RESPONSE), 7, 15,
        "interactions[0].request.headers.Accept: found 'text/plain', expected a sequence", "- value");
    fails(cassette("-" + REQUEST.substring(1) + RESPONSE + "    uncompressed: maybe\n"), 8, 19,
        "uncompressed", "expected true or false");
    fails(cassette("- request:\n    url: {a: b}\n    method: GET\n" + RESPONSE), 4, 10,
        "interactions[0].request.url: found a mapping, expected a string");
    fails(cassette("- request:\n    url: [a]\n    method: GET\n" + RESPONSE), 4, 10,
        "interactions[0].request.url: found a sequence, expected a string");
    fails("version: 2\ninteractions: {a: b}\n", 2, 15, "interactions: found a mapping", "sequence");
    fails(cassette("-" + REQUEST.substring(1) + "    body: !!binary 'not base64!'\n" + RESPONSE), 6, 11,
        "!!binary value is not valid base64");
  }

  @Test
  void badDuration() {
    fails(cassette("-" + REQUEST.substring(1) + RESPONSE + "    duration: 5\n"), 8, 15,
        "interactions[0].response.duration: found the plain number 5", "needs a unit", "write 5s");
    fails(cassette("-" + REQUEST.substring(1) + RESPONSE + "    duration: 5 seconds\n"), 8, 15,
        "invalid Go duration \"5 seconds\"", "such as 0s, 83.984896ms");
    fails(cassette("-" + REQUEST.substring(1) + RESPONSE + "    duration: [1s]\n"), 8, 15,
        "found a sequence, expected a duration");
  }

  @Test
  void duplicateKeys() {
    fails(cassette("-" + REQUEST.substring(1) + "    method: POST\n" + RESPONSE), 6, 5,
        "interactions[0].request: duplicate key 'method' (first at line 5, again at line 6)");
    fails("version: 2\nversion: 2\ninteractions: []\n", 2, 1,
        "duplicate key 'version' (first at line 1, again at line 2)");
    fails(cassette("-" + REQUEST.substring(1) + "    headers:\n      Accept: [a]\n      Accept: [b]\n"
        + RESPONSE), 8, 7, "headers: duplicate name 'Accept' (first at line 7, again at line 8)");
  }

  @Test
  void unknownKeys() {
    fails(cassette("-" + REQUEST.substring(1) + "    bodyy: hello\n" + RESPONSE), 6, 5,
        "interactions[0].request: unknown key 'bodyy'; did you mean 'body'?",
        "valid keys are proto, proto_major", "url, method");
    fails(cassette("-" + REQUEST.substring(1) + RESPONSE + "    statuscode: 200\n"), 8, 5,
        "unknown key 'statuscode'", "status, code, duration");
    fails("version: 2\ninteractions: []\nname: x\n", 3, 1, "unknown key 'name'",
        "valid keys are version, interactions");
    fails(cassette("- ID: 0\n" + REQUEST + RESPONSE), 3, 3, "unknown key 'ID'; did you mean 'id'?");
  }

  @Test
  void anchorsAndAliasesRefused() {
    fails(cassette("- request: &r\n    url: u\n    method: GET\n" + RESPONSE), 3, 12,
        "anchor &r", "write values out in full");
    fails("version: 2\ninteractions:\n- request: &r\n    url: u\n    method: GET\n" + RESPONSE
        + "- request: *r\n" + RESPONSE, 3, 12, "anchor &r");
    fails("version: 2\ninteractions: *all\n", 2, 15, "alias *all", "do not use anchors or aliases");
    fails(cassette("-" + REQUEST.substring(1) + "    headers:\n      <<: {A: [b]}\n" + RESPONSE), 7, 7,
        "merge keys (<<) are not supported");
  }

  @Test
  void secondDocumentRefused() {
    fails("---\nversion: 2\ninteractions: []\n---\nversion: 2\ninteractions: []\n", 4, 1,
        "second YAML document", "exactly one document");
  }

  @Test
  void sizeLimit() throws IOException {
    String yaml = "---\nversion: 2\ninteractions: []\n";
    CassetteReader small = new CassetteReader().withMaxBytes(10);
    Path file = Files.writeString(dir.resolve("big.yaml"), yaml);
    CassetteFormatException e = assertThrows(CassetteFormatException.class, () -> small.read(file));
    assertPlace(e, file.toString(), 0, 0, "the input is 32 bytes", "limit of 10 bytes", "withMaxBytes");
    e = assertThrows(CassetteFormatException.class,
        () -> small.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "stream.yaml"));
    assertPlace(e, "stream.yaml", 0, 0, "more than 10 bytes", "limit of 10 bytes", "withMaxBytes");
    e = assertThrows(CassetteFormatException.class, () -> small.read(yaml, "text.yaml"));
    assertPlace(e, "text.yaml", 0, 0, "limit of 10 bytes");
    assertEquals(0, new CassetteReader().withMaxBytes(32).read(file).interactions().size());
  }

  @Test
  void notUtf8() throws IOException {
    byte[] bytes = "version: 2\ninteractions: [\u00e9X]\n".getBytes(StandardCharsets.UTF_8);
    bytes[26] = (byte) 0xFF; // in place of the first byte of é
    CassetteFormatException e = assertThrows(CassetteFormatException.class,
        () -> Cassette.load(new ByteArrayInputStream(bytes), "bytes.yaml"));
    assertPlace(e, "bytes.yaml", 2, 16, "not UTF-8", "found the byte 0xFF", "!!binary");
  }

  @Test
  void controlCharacterRefused() {
    fails("version: 2\ninteractions: [\"a\u0001\"]\n", 2, 18, "U+0001", "not allowed", "escape");
  }

  @Test
  void deepNestingRefused() {
    String deep = "version: 2\ninteractions: " + "[".repeat(100_000);
    fails(deep, 2, 46, "nesting deeper than 32 levels");
    String deepBlock = "version: 2\ninteractions:\n" + "- ".repeat(5_000) + "x\n";
    fails(deepBlock, 3, 63, "nesting deeper than 32 levels");
  }

  @Test
  void nonScalarKeyRefused() {
    fails("version: 2\n? [a]\n: b\ninteractions: []\n", 2, 3, "found a sequence as a key",
        "expected one of version, interactions");
  }

  @Test
  void pathAndStreamSourcesAreNamedAsGiven() throws IOException {
    Path file = Files.writeString(dir.resolve("v1.yaml"), "version: 1\ninteractions: []\n");
    CassetteFormatException e = assertThrows(CassetteFormatException.class, () -> Cassette.load(file));
    assertPlace(e, file.toString(), 1, 10, "version 1 is not supported");
    e = assertThrows(CassetteFormatException.class, () -> Cassette.load(
        new ByteArrayInputStream("version: 1\n".getBytes(StandardCharsets.UTF_8)), "classpath:a.yaml"));
    assertPlace(e, "classpath:a.yaml", 1, 10, "version 1 is not supported");
    e = assertThrows(CassetteFormatException.class, () -> Cassette.parse("version: 1\n"));
    assertPlace(e, "<string>", 1, 10, "version 1 is not supported");
  }
}
