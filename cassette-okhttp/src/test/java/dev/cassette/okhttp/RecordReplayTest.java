package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.okhttp.Recording.Exchange;
import dev.cassette.okhttp.testserver.Reply;
import dev.cassette.okhttp.testserver.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records a call against a loopback server, shuts the server down, and replays the call from the saved
 * cassette: the caller must not be able to tell the two apart.
 */
class RecordReplayTest {
  private static final MediaType JSON = MediaType.parse("application/json");

  @TempDir Path dir;

  private Path cassette;
  private Exchange live;
  private Exchange replayed;

  /** Records {@code requestFor}'s call against {@code replies}, then replays it with the server gone. */
  private Cassette recordThenReplay(Function<HttpUrl, Request> requestFor, Reply... replies) throws Exception {
    cassette = dir.resolve("cassette.yaml");
    Request request;
    try (TestServer server = TestServer.start()) {
      for (Reply reply : replies) server.enqueue(reply);
      request = requestFor.apply(server.url("/"));
      try (Recorder recorder = Recording.recorder(cassette, Mode.RECORD_ONLY)) {
        live = Exchange.of(Recording.client(recorder), request);
      }
      assertEquals(replies.length, server.requestCount());
    }
    try (Recorder recorder = Recording.recorder(cassette, Mode.REPLAY_ONLY)) {
      replayed = Exchange.of(Recording.client(recorder), request);
    }
    assertEquals(live.code(), replayed.code());
    assertEquals(live.message(), replayed.message());
    assertEquals(live.protocol(), replayed.protocol());
    assertArrayEquals(live.body(), replayed.body());
    assertHeadersAsLive();
    Cassette saved = Recording.load(cassette);
    assertEquals(1, saved.interactions().size());
    return saved;
  }

  /**
   * The caller gets every response header it got live, with the live values, but those the default
   * redaction keeps out of the file (cookies).
   */
  private void assertHeadersAsLive() {
    Headers expected = live.headers().newBuilder().removeAll("Set-Cookie").build();
    assertEquals(expected.toMultimap(), replayed.headers().toMultimap());
  }

  private static Request get(HttpUrl base, String path) {
    return new Request.Builder().url(base.resolve(path)).build();
  }

  @Test
  void json() throws Exception {
    String body = "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"héllo\"}}]}";
    Cassette saved = recordThenReplay(
        url -> new Request.Builder().url(url.resolve("/v1/chat/completions"))
            .post(RequestBody.create("{\"model\":\"m\"}", JSON)).build(),
        Reply.code(200).header("Content-Type", "application/json").body(body));
    assertEquals(body, new String(replayed.body(), StandardCharsets.UTF_8));
    Interaction interaction = saved.interactions().get(0);
    assertEquals("POST", interaction.request().method());
    assertEquals("{\"model\":\"m\"}", interaction.request().body().text());
    assertEquals(13, interaction.request().contentLength());
    assertEquals("HTTP/1.1", interaction.response().proto());
    assertEquals(body.getBytes(StandardCharsets.UTF_8).length, interaction.response().contentLength());
    assertEquals("200 OK", interaction.response().status());
  }

  /** OkHttp picks a new random boundary for every MultipartBody: the replayed upload still matches. */
  @Test
  void multipartUploadReplaysWithANewBoundary() throws Exception {
    cassette = dir.resolve("cassette.yaml");
    Function<HttpUrl, Request> upload = url -> new Request.Builder().url(url.resolve("/v1/files"))
        .post(new MultipartBody.Builder().setType(MultipartBody.FORM)
            .addFormDataPart("purpose", "fine-tune")
            .addFormDataPart("file", "data.jsonl", RequestBody.create("{\"prompt\":\"hi\"}\n", JSON))
            .build())
        .build();
    HttpUrl base;
    try (TestServer server = TestServer.start()) {
      server.enqueue(Reply.code(200).header("Content-Type", "application/json").body("{\"id\":\"file-1\"}"));
      base = server.url("/");
      try (Recorder recorder = Recording.recorder(cassette, Mode.RECORD_ONLY)) {
        live = Exchange.of(Recording.client(recorder), upload.apply(base));
      }
    }
    Request again = upload.apply(base);
    assertFalse(Recording.load(cassette).interactions().get(0).request().body().text()
        .contains(((MultipartBody) again.body()).boundary()), "a new boundary");
    try (Recorder recorder = Recording.recorder(cassette, Mode.REPLAY_ONLY)) {
      replayed = Exchange.of(Recording.client(recorder), again);
    }
    assertEquals("{\"id\":\"file-1\"}", new String(replayed.body(), StandardCharsets.UTF_8));
  }

  @Test
  void serverSentEventsDataOnly() throws Exception {
    String stream = "data: {\"delta\":\"a\"}\n\ndata: {\"delta\":\"b\"}\n\ndata: [DONE]\n\n";
    recordThenReplay(url -> get(url, "/stream"),
        Reply.code(200).header("Content-Type", "text/event-stream").body(stream).chunked(16));
    assertEquals(stream, new String(replayed.body(), StandardCharsets.UTF_8));
  }

  @Test
  void serverSentEventsWithEventNames() throws Exception {
    String stream = "event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
        + "event: content_block_delta\ndata: {\"text\":\"hi\"}\n\n"
        + "event: message_stop\ndata: {}\n\n";
    recordThenReplay(url -> get(url, "/v1/messages"),
        Reply.code(200).header("Content-Type", "text/event-stream; charset=utf-8").body(stream));
    assertEquals(stream, new String(replayed.body(), StandardCharsets.UTF_8));
  }

  @Test
  void binary() throws Exception {
    byte[] body = new byte[4096];
    for (int i = 0; i < body.length; i++) body[i] = (byte) (i * 7 + 0x80);
    recordThenReplay(url -> get(url, "/blob"),
        Reply.code(200).header("Content-Type", "application/vnd.amazon.eventstream").body(body));
    assertArrayEquals(body, replayed.body());
  }

  @Test
  void gzipIsRecordedUncompressed() throws Exception {
    String text = "{\"text\":\"" + "compressible ".repeat(200) + "\"}";
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    Cassette saved = recordThenReplay(url -> get(url, "/gz"),
        Reply.code(200).header("Content-Type", "application/json").header("Content-Encoding", "gzip")
            .body(gzipped.toByteArray()));
    assertEquals(text, new String(replayed.body(), StandardCharsets.UTF_8));
    assertTrue(saved.interactions().get(0).response().uncompressed());
    assertEquals(-1, saved.interactions().get(0).response().contentLength());
    assertEquals(text, saved.interactions().get(0).response().body().text());
  }

  @Test
  void emptyBody() throws Exception {
    Cassette saved = recordThenReplay(url -> get(url, "/empty"), Reply.code(200).body(""));
    assertEquals(0, replayed.body().length);
    assertEquals(0, saved.interactions().get(0).response().contentLength());
  }

  @Test
  void head() throws Exception {
    Cassette saved = recordThenReplay(url -> new Request.Builder().url(url.resolve("/doc")).head().build(),
        Reply.code(200).header("Content-Type", "text/plain"));
    assertEquals(0, replayed.body().length);
    assertEquals("HEAD", saved.interactions().get(0).request().method());
  }

  @Test
  void noContent() throws Exception {
    Cassette saved = recordThenReplay(url -> new Request.Builder().url(url.resolve("/item/1")).delete().build(),
        Reply.code(204));
    assertEquals(204, replayed.code());
    assertEquals(0, replayed.body().length);
    // Go's HTTP/1 transport knows a 204 has no body: its length is 0, not unknown.
    assertEquals(0, saved.interactions().get(0).response().contentLength());
  }

  /**
   * An application interceptor sees the call once: the cassette holds the original request with the
   * final response, and the replay answers without any redirect.
   */
  @Test
  void redirectIsRecordedAsTheOriginalRequestWithTheFinalResponse() throws Exception {
    Cassette saved = recordThenReplay(url -> get(url, "/old"),
        Reply.code(302).header("Location", "/new").body(""),
        Reply.code(200).header("Content-Type", "text/plain").body("moved here"));
    Interaction interaction = saved.interactions().get(0);
    assertTrue(interaction.request().url().endsWith("/old"), interaction.request().url());
    assertEquals(200, interaction.response().code());
    assertEquals("moved here", new String(replayed.body(), StandardCharsets.UTF_8));
  }

  @Test
  void chunked() throws Exception {
    String body = "0123456789".repeat(100);
    Cassette saved = recordThenReplay(url -> get(url, "/chunks"),
        Reply.code(200).header("Content-Type", "text/plain").body(body).chunked(64));
    assertEquals(body, new String(replayed.body(), StandardCharsets.UTF_8));
    assertEquals(List.of("chunked"), saved.interactions().get(0).response().transferEncoding());
    assertEquals(-1, saved.interactions().get(0).response().contentLength());
    assertFalse(saved.interactions().get(0).response().headers().names().stream()
        .anyMatch(name -> name.toLowerCase(Locale.ROOT).equals("transfer-encoding")));
  }

  /** OkHttp reports no reason phrase over HTTP/2; the cassette gets Go's status text, and replay its text. */
  @Test
  void http2() throws Exception {
    cassette = dir.resolve("h2.yaml");
    OkHttpClient.Builder h2 = new OkHttpClient.Builder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
    Request request;
    try (TestServer server = TestServer.startHttp2();
        Recorder recorder = Recording.recorder(cassette, Mode.RECORD_ONLY)) {
      server.enqueue(Reply.code(200).header("Content-Type", "application/json").body("{\"h2\":true}"));
      request = get(server.url("/"), "/v1/h2");
      live = Exchange.of(h2.addInterceptor(new CassetteInterceptor(recorder)).build(), request);
    }
    assertEquals(Protocol.H2_PRIOR_KNOWLEDGE, live.protocol());
    assertEquals("", live.message());
    Interaction interaction = Recording.load(cassette).interactions().get(0);
    assertEquals("HTTP/2.0", interaction.response().proto());
    assertEquals(2, interaction.response().protoMajor());
    assertEquals("200 OK", interaction.response().status());
    try (Recorder recorder = Recording.recorder(cassette, Mode.REPLAY_ONLY)) {
      replayed = Exchange.of(Recording.client(recorder), request);
    }
    assertEquals(Protocol.HTTP_2, replayed.protocol());
    assertEquals("OK", replayed.message());
    assertArrayEquals(live.body(), replayed.body());
  }

  /**
   * SDKs expose a response's headers (openai-java's withRawResponse(), google-genai's sdkHttpResponse()):
   * request ids, rate limits and the length replay as they came; a session cookie stays out of the file.
   */
  @Test
  void responseHeadersReplayAsTheyCameButCookies() throws Exception {
    Cassette saved = recordThenReplay(url -> get(url, "/v1/models"),
        Reply.code(200).header("Content-Type", "application/json")
            .header("x-request-id", "req_0123")
            .header("x-ratelimit-remaining-tokens", "39000")
            .header("anthropic-ratelimit-requests-reset", "2026-12-01T07:00:00Z")
            .header("Set-Cookie", "__cf_bm=session-0123; HttpOnly")
            .body("{\"data\":[]}"));
    assertEquals("req_0123", replayed.headers().get("x-request-id"));
    assertEquals("39000", replayed.headers().get("x-ratelimit-remaining-tokens"));
    assertEquals("11", replayed.headers().get("Content-Length"));
    assertEquals(null, replayed.headers().get("Set-Cookie"));
    String file = Files.readString(cassette);
    assertTrue(file.contains("X-Request-Id:") && file.contains("Content-Length:"), file);
    assertFalse(file.contains("session-0123"), file);
    assertEquals(List.of("req_0123"), saved.interactions().get(0).response().headers().get("X-Request-Id"));
  }

  /** go-vcr records trailers; so does cassette, and OkHttp 5 replays them (4.12 cannot: see ReplayedTrailers). */
  @Test
  void trailersAreRecordedAndReplayedWhereOkHttpCan() throws Exception {
    Cassette saved = recordThenReplay(url -> get(url, "/v1/stream"),
        Reply.code(200).header("Content-Type", "text/plain").header("Trailer", "X-Checksum, grpc-status")
            .body("0123456789".repeat(10)).chunked(32)
            .trailer("X-Checksum", "sha256=abc").trailer("grpc-status", "0"));
    assertEquals(Map.of("X-Checksum", List.of("sha256=abc"), "Grpc-Status", List.of("0")),
        saved.interactions().get(0).response().trailer().asMap());
    assertEquals("sha256=abc", live.trailers().get("X-Checksum"));
    if (ReplayedTrailers.supported()) {
      assertEquals(live.trailers().toMultimap(), replayed.trailers().toMultimap());
    } else {
      assertEquals(null, replayed.trailers(), "OkHttp 4.12: Response.trailers() throws as for any response not from the network");
    }
  }

  @Test
  void clientError() throws Exception {
    recordThenReplay(url -> get(url, "/missing"),
        Reply.code(404).header("Content-Type", "application/json").body("{\"error\":\"not found\"}"));
    assertEquals(404, replayed.code());
  }

  @Test
  void serverError() throws Exception {
    recordThenReplay(url -> get(url, "/boom"),
        Reply.code(503).header("Content-Type", "text/plain").header("Retry-After", "3").body("overloaded"));
    assertEquals(503, replayed.code());
  }
}
