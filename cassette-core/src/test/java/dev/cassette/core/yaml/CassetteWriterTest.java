package dev.cassette.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.core.Cassette;
import dev.cassette.core.FieldProfile;
import dev.cassette.core.GoDuration;
import dev.cassette.core.GoString;
import dev.cassette.core.Layout;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document structure: field order and omission, both layouts, key order and complex keys. */
class CassetteWriterTest {
  private static Request request(Multimap headers) {
    return Request.builder().url("https://example.com/").method("GET").headers(headers).build();
  }

  private static Response response() {
    return Response.builder()
        .protocol("HTTP/2.0")
        .body("ok")
        .headers(Multimap.of("Content-Type", "text/plain"))
        .duration(GoDuration.ofNanos(83_984_896))
        .build();
  }

  @Test
  void emptyCassette() {
    assertEquals("---\nversion: 2\ninteractions: []\n", Cassette.builder().build().toYaml());
    assertEquals("---\nversion: 2\ninteractions: []\n",
        Cassette.builder().layout(Layout.INDENTED).profile(FieldProfile.LEGACY).build().toYaml());
  }

  @Test
  void compactLayoutModernProfileOmitsEmptyOptionalFields() {
    Cassette cassette = Cassette.builder()
        .add(request(Multimap.of("Accept", "application/json")), response())
        .add(Request.builder().url("https://example.com/2").method("POST").body("{\"a\":1}")
            .contentLength(7).build(), response().toBuilder().uncompressed(true).build())
        .build();
    assertEquals("""
        ---
        version: 2
        interactions:
        - id: 0
          request:
            proto: HTTP/1.1
            proto_major: 1
            proto_minor: 1
            content_length: 0
            host: ""
            headers:
              Accept:
              - application/json
            url: https://example.com/
            method: GET
          response:
            proto: HTTP/2.0
            proto_major: 2
            proto_minor: 0
            content_length: -1
            body: ok
            headers:
              Content-Type:
              - text/plain
            status: 200 OK
            code: 200
            duration: 83.984896ms
        - id: 1
          request:
            proto: HTTP/1.1
            proto_major: 1
            proto_minor: 1
            content_length: 7
            host: ""
            body: '{"a":1}'
            url: https://example.com/2
            method: POST
          response:
            proto: HTTP/2.0
            proto_major: 2
            proto_minor: 0
            content_length: -1
            uncompressed: true
            body: ok
            headers:
              Content-Type:
              - text/plain
            status: 200 OK
            code: 200
            duration: 83.984896ms
        """, cassette.toYaml());
  }

  @Test
  void indentedLayoutLegacyProfileWritesEveryField() {
    Cassette cassette = Cassette.builder().layout(Layout.INDENTED).profile(FieldProfile.LEGACY)
        .add(request(Multimap.empty()), response().toBuilder().body("").headers(Multimap.empty())
            .transferEncoding(List.of("chunked")).build())
        .build();
    assertEquals("""
        ---
        version: 2
        interactions:
            - id: 0
              request:
                proto: HTTP/1.1
                proto_major: 1
                proto_minor: 1
                content_length: 0
                transfer_encoding: []
                trailer: {}
                host: ""
                remote_addr: ""
                request_uri: ""
                body: ""
                form: {}
                headers: {}
                url: https://example.com/
                method: GET
              response:
                proto: HTTP/2.0
                proto_major: 2
                proto_minor: 0
                transfer_encoding:
                    - chunked
                trailer: {}
                content_length: -1
                uncompressed: false
                body: ""
                headers: {}
                status: 200 OK
                code: 200
                duration: 83.984896ms
        """, cassette.toYaml());
  }

  @Test
  void modernProfileStillWritesEmptyResponseHeadersAndBody() {
    Cassette cassette = Cassette.builder()
        .add(request(Multimap.empty()), response().toBuilder().body("").headers(Multimap.empty()).build())
        .build();
    String yaml = cassette.toYaml();
    assertEquals("""
          response:
            proto: HTTP/2.0
            proto_major: 2
            proto_minor: 0
            content_length: -1
            body: ""
            headers: {}
            status: 200 OK
            code: 200
            duration: 83.984896ms
        """, yaml.substring(yaml.indexOf("  response:")));
  }

  @Test
  void keysAreSortedTheGoWayAndValuesKeepTheirOrder() {
    Multimap headers = Multimap.builder()
        .add("a10", "1").add("a1b2", "2").add("X-10", "3").add("X-2", "4").add("B", "5")
        .add("-x", "6").add("Accept", "z").add("Accept", "a")
        .build();
    String yaml = Cassette.builder().add(request(headers), response()).build().toYaml();
    assertEquals("""
            headers:
              -x:
              - "6"
              Accept:
              - z
              - a
              B:
              - "5"
              X-2:
              - "4"
              X-10:
              - "3"
              a1b2:
              - "2"
              a10:
              - "1"
            url: https://example.com/
        """, yaml.substring(yaml.indexOf("    headers:"), yaml.indexOf("    method:")));
  }

  @Test
  void multiLineKeyIsAComplexKeyInBothLayouts() {
    Multimap headers = Multimap.of("fox data\nthe", "v1", "v2");
    String compact = Cassette.builder().add(request(headers), response()).build().toYaml();
    assertEquals("""
            headers:
              ? |-
                fox data
                the
              : - v1
                - v2
        """, compact.substring(compact.indexOf("    headers:"), compact.indexOf("    url:")));
    String indented = Cassette.builder().layout(Layout.INDENTED).add(request(headers), response())
        .build().toYaml();
    assertEquals("""
                headers:
                    ? |-
                        fox data
                        the
                    :   - v1
                        - v2
        """, indented.substring(indented.indexOf("        headers:"), indented.indexOf("        url:")));
  }

  @Test
  void keyLongerThan128BytesIsAComplexKey() {
    String name = "X-" + "a".repeat(127);
    String yaml = Cassette.builder().add(request(Multimap.of(name, "v")), response()).build().toYaml();
    assertEquals("    headers:\n      ? " + name + "\n      : - v\n    url:",
        yaml.substring(yaml.indexOf("    headers:"), yaml.indexOf("    url:") + 8));
  }

  @Test
  void emptyValueListIsAFlowSequence() {
    String yaml = Cassette.builder().add(request(Multimap.builder().addAll("Retry-After", List.of()).build()),
        response()).build().toYaml();
    assertEquals("    headers:\n      Retry-After: []\n",
        yaml.substring(yaml.indexOf("    headers:"), yaml.indexOf("    url:")));
  }

  @Test
  void invalidUtf8NameAndValueAreBinary() {
    String bytes = GoString.decode(new byte[] {(byte) 0xc0, (byte) 0xaf});
    String yaml = Cassette.builder().add(request(Multimap.of(bytes, bytes)), response()).build().toYaml();
    assertEquals("    headers:\n      !!binary wK8=:\n      - !!binary wK8=\n",
        yaml.substring(yaml.indexOf("    headers:"), yaml.indexOf("    url:")));
  }
}
