package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.Mode;
import dev.cassette.core.NoMatchingInteractionException;
import dev.cassette.core.Recorder;
import java.io.IOException;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cassette go-vcr recorded, replayed through OkHttp as a Java test of the same client would: Go kept
 * the query's quotes as typed, OkHttp sends them escaped, and the recorded response's trailers come back.
 */
class GoRecordingReplayTest {
  /** As go-vcr's Save wrote it for {@code http.Get("https://api.example.com/v1/search?q=it's+\"quoted\"&lang=en")}. */
  private static final String GO_RECORDING = """
      ---
      version: 2
      interactions:
          - id: 0
            request:
              proto: HTTP/1.1
              proto_major: 1
              proto_minor: 1
              content_length: 0
              host: api.example.com
              form:
                  lang:
                      - en
                  q:
                      - it's "quoted"
              url: https://api.example.com/v1/search?q=it's+"quoted"&lang=en
              method: GET
            response:
              proto: HTTP/1.1
              proto_major: 1
              proto_minor: 1
              transfer_encoding:
                  - chunked
              trailer:
                  X-Checksum:
                      - sha256=abc
              content_length: -1
              body: '{"results":[]}'
              headers:
                  Content-Type:
                      - application/json
                  X-Request-Id:
                      - req_42
              status: 200 OK
              code: 200
              duration: 12.5ms
      """;

  @TempDir Path dir;

  private OkHttpClient client(Recorder recorder) {
    return new OkHttpClient.Builder().addInterceptor(new CassetteInterceptor(recorder)).build();
  }

  @Test
  void aGoRecordingWithQuotesInItsQueryReplays() throws IOException {
    Request request = new Request.Builder()
        .url("https://api.example.com/v1/search?q=it's+\"quoted\"&lang=en").build();
    assertEquals("https://api.example.com/v1/search?q=it%27s+%22quoted%22&lang=en", request.url().toString(),
        "OkHttp escapes what Go sent as typed");
    assertEquals(GO_RECORDING, Cassette.parse(GO_RECORDING).toYaml(), "in go-vcr's layout, to the byte");
    try (Recorder recorder = Recorder.builder(dir.resolve("go.yaml")).mode(Mode.REPLAY_ONLY)
            .cassette(Cassette.parse(GO_RECORDING)).build();
        Response response = client(recorder).newCall(request).execute()) {
      assertEquals("{\"results\":[]}", response.body().string());
      assertEquals("req_42", response.header("X-Request-Id"));
      if (ReplayedTrailers.supported()) assertEquals("sha256=abc", response.trailers().get("X-Checksum"));
    }
  }

  @Test
  void anEscapedDelimiterIsAnotherRequest() {
    Request request = new Request.Builder()
        .url("https://api.example.com/v1/search?q=it's+\"quoted\"%26lang=en").build();
    try (Recorder recorder = Recorder.builder(dir.resolve("go.yaml")).mode(Mode.REPLAY_ONLY)
        .cassette(Cassette.parse(GO_RECORDING)).build()) {
      IOException e = assertThrows(IOException.class, () -> client(recorder).newCall(request).execute());
      assertTrue(e instanceof NoMatchingInteractionException, e.toString());
    }
  }
}
