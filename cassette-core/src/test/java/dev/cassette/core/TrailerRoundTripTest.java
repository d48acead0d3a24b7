package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * go-vcr records a response's trailers (Go's {@code http.Response.Trailer}, filled once the body is
 * read); a cassette holding them loads with every value and saves back to the same bytes, in both
 * layouts. The writer vectors cover the scalar corner cases; this is the shape go-vcr writes.
 */
class TrailerRoundTripTest {
  private static final String GO_VCR = """
      ---
      version: 2
      interactions:
          - id: 0
            request:
              proto: HTTP/1.1
              proto_major: 1
              proto_minor: 1
              content_length: 0
              host: 127.0.0.1:8080
              url: http://127.0.0.1:8080/stream
              method: GET
            response:
              proto: HTTP/1.1
              proto_major: 1
              proto_minor: 1
              transfer_encoding:
                  - chunked
              trailer:
                  Grpc-Message:
                      - ""
                  Grpc-Status:
                      - "0"
                  X-Checksum:
                      - sha256=abc
                      - 'md5: def'
              content_length: -1
              body: hello
              headers:
                  Trailer:
                      - X-Checksum, Grpc-Status, Grpc-Message
              status: 200 OK
              code: 200
              duration: 1.5ms
      """;

  @Test
  void trailersLoadAndSaveBackByteForByte() {
    Cassette cassette = Cassette.parse(GO_VCR);
    assertEquals(Map.of("Grpc-Message", List.of(""), "Grpc-Status", List.of("0"),
            "X-Checksum", List.of("sha256=abc", "md5: def")),
        cassette.interactions().get(0).response().trailer().asMap());
    assertEquals(GO_VCR, cassette.toYaml());
    Cassette compact = cassette.toBuilder().layout(Layout.COMPACT).build();
    assertEquals(compact, Cassette.parse(compact.toYaml()));
    assertEquals(compact.toYaml(), Cassette.parse(compact.toYaml()).toYaml());
  }
}
