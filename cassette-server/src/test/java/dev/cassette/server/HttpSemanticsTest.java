package dev.cassette.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.core.Redaction;
import dev.cassette.core.SharedFiles;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reverse proxy must get right, each checked on the wire: bodiless responses, binary and gzip
 * bodies, redirects, hop-by-hop headers and Host, chunked request bodies, concurrent clients.
 */
class HttpSemanticsTest {
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  /** Response headers such as Location and ETag are part of what these tests check. */
  private static final Redaction KEEP_HEADERS = Redaction.builder().denyHeaders().build();

  @TempDir Path dir;

  /** Records one exchange through a fresh server, then replays it through another. */
  private record Both(HttpResponse<byte[]> live, HttpResponse<byte[]> replayed, Interaction recorded) {}

  private Both recordThenReplay(StandIn.Handler handler, HttpRequest.Builder request) throws Exception {
    Path cassette = dir.resolve("semantics.yaml");
    HttpResponse<byte[]> live;
    String upstreamUrl;
    try (StandIn upstream = StandIn.start(handler);
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).redaction(KEEP_HEADERS).build();
        CassetteServer server = CassetteServer.start(recorder, upstream.url())) {
      upstreamUrl = upstream.url();
      live = client.send(request.uri(on(server.baseUri(), request)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
    HttpResponse<byte[]> replayed;
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstreamUrl)) {
      replayed = client.send(request.uri(on(server.baseUri(), request)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
    return new Both(live, replayed, Cassette.load(cassette).interactions().get(0));
  }

  private static URI on(URI base, HttpRequest.Builder request) {
    String path = request.build().uri().getRawPath();
    return URI.create(base + path);
  }

  private static HttpRequest.Builder request(String method, String path) {
    return HttpRequest.newBuilder(URI.create("http://placeholder" + path)).method(method, HttpRequest.BodyPublishers.noBody());
  }

  @Test
  void headKeepsTheContentLengthAndSendsNoBody() throws Exception {
    Both both = recordThenReplay((exchange, r) -> {
      exchange.getResponseHeaders().set("Content-Length", "1234");
      exchange.sendResponseHeaders(200, -1);
    }, request("HEAD", "/v1/files/abc"));
    for (HttpResponse<byte[]> response : List.of(both.live(), both.replayed())) {
      assertEquals(200, response.statusCode());
      assertEquals(0, response.body().length);
      assertEquals("1234", response.headers().firstValue("Content-Length").orElseThrow());
    }
    assertEquals(1234, both.recorded().response().contentLength());
  }

  @Test
  void noContentAndNotModifiedHaveNoBody() throws Exception {
    Both deleted = recordThenReplay((exchange, r) -> exchange.sendResponseHeaders(204, -1), request("DELETE", "/v1/files/abc"));
    assertEquals(204, deleted.live().statusCode());
    assertEquals(204, deleted.replayed().statusCode());
    assertEquals(0, deleted.replayed().body().length);

    Both cached = recordThenReplay((exchange, r) -> {
      exchange.getResponseHeaders().set("ETag", "\"v1\"");
      exchange.sendResponseHeaders(304, -1);
    }, request("GET", "/v1/models").header("If-None-Match", "\"v1\""));
    assertEquals(304, cached.replayed().statusCode());
    assertEquals("\"v1\"", cached.replayed().headers().firstValue("ETag").orElseThrow());
    assertEquals(0, cached.replayed().body().length);
  }

  @Test
  void aNonStandardStatusSuchAsAnthropics529ReplaysAsRecorded() throws Exception {
    byte[] overloaded = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}".getBytes(StandardCharsets.UTF_8);
    Both both = recordThenReplay((exchange, r) -> StandIn.reply(exchange, 529, "application/json", overloaded),
        request("POST", "/v1/messages"));
    for (HttpResponse<byte[]> response : List.of(both.live(), both.replayed())) {
      assertEquals(529, response.statusCode());
      assertArrayEquals(overloaded, response.body());
    }
    assertEquals(529, both.recorded().response().code());
  }

  @Test
  void redirectsReachTheClientAsTheUpstreamSentThem() throws Exception {
    Both both = recordThenReplay((exchange, r) -> {
      exchange.getResponseHeaders().set("Location", "https://elsewhere.test/v2/models");
      exchange.sendResponseHeaders(307, -1);
    }, request("GET", "/v1/models"));
    for (HttpResponse<byte[]> response : List.of(both.live(), both.replayed())) {
      assertEquals(307, response.statusCode());
      assertEquals("https://elsewhere.test/v2/models", response.headers().firstValue("Location").orElseThrow());
    }
  }

  @Test
  void gzipIsDecompressedForTheClientAndRecordedPlainAsTheInterceptorRecordsIt() throws Exception {
    byte[] plain = "{\"data\":[{\"id\":\"gpt\"}]}".repeat(50).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(plain);
    }
    List<String> acceptEncoding = new ArrayList<>();
    Both both = recordThenReplay((exchange, r) -> {
      acceptEncoding.addAll(StandIn.header(r, "Accept-Encoding"));
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      exchange.sendResponseHeaders(200, gz.size());
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(gz.toByteArray());
      }
    }, request("GET", "/v1/models").header("Accept-Encoding", "br"));
    assertEquals(List.of("gzip"), acceptEncoding);
    for (HttpResponse<byte[]> response : List.of(both.live(), both.replayed())) {
      assertArrayEquals(plain, response.body());
      assertFalse(response.headers().firstValue("Content-Encoding").isPresent());
    }
    assertTrue(both.recorded().response().uncompressed());
    assertEquals(-1, both.recorded().response().contentLength());
    assertArrayEquals(plain, both.recorded().response().body().bytes());
    assertTrue(both.recorded().response().headers().getIgnoreCase("Content-Encoding").isEmpty());
  }

  @Test
  void hopByHopHeadersStopHereAndTheUpstreamSeesItsOwnHost() throws Exception {
    try (StandIn upstream = StandIn.answering(200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
        Recorder recorder = Recorder.builder(dir.resolve("hop.yaml")).mode(Mode.RECORD_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstream.url())) {
      RawHttp.Reply reply = RawHttp.exchange(server.baseUri(), "GET /v1/models HTTP/1.1\r\n"
          + "Host: " + server.baseUri().getAuthority() + "\r\n"
          + "Connection: close, X-Per-Hop\r\n"
          + "X-Per-Hop: secret-to-this-hop\r\n"
          + "Keep-Alive: timeout=5\r\n"
          + "Proxy-Authorization: Basic Zm9vOmJhcg==\r\n"
          + "TE: trailers\r\n"
          + "X-End-To-End: kept\r\n", new byte[0], false);
      assertEquals(200, reply.code());
      StandIn.Received received = upstream.received().get(0);
      assertEquals(List.of("127.0.0.1:" + upstream.port()), StandIn.header(received, "Host"));
      assertEquals(List.of("kept"), StandIn.header(received, "X-End-To-End"));
      for (String hop : List.of("X-Per-Hop", "Keep-Alive", "Proxy-Authorization", "TE")) {
        assertEquals(List.of(), StandIn.header(received, hop), hop);
      }
      Interaction recorded = recorder.cassette().interactions().get(0);
      assertTrue(recorded.request().headers().getIgnoreCase("Host").isEmpty());
      assertEquals("", recorded.request().host());
    }
  }

  @Test
  void aLargeChunkedRequestBodyArrivesWholeAndIsRecorded() throws Exception {
    byte[] upload = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(upload);
    try (StandIn upstream = StandIn.answering(201, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        Recorder recorder = Recorder.builder(dir.resolve("upload.yaml")).mode(Mode.RECORD_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstream.url())) {
      ByteArrayOutputStream chunked = new ByteArrayOutputStream();
      for (int at = 0; at < upload.length; at += 65536) {
        int n = Math.min(65536, upload.length - at);
        chunked.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunked.write(upload, at, n);
        chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      RawHttp.Reply reply = RawHttp.exchange(server.baseUri(), "POST /v1/files HTTP/1.1\r\n"
          + "Host: " + server.baseUri().getAuthority() + "\r\n"
          + "Content-Type: application/octet-stream\r\n"
          + "Transfer-Encoding: chunked\r\n"
          + "Connection: close\r\n", chunked.toByteArray(), false);
      assertEquals(201, reply.code());
      assertArrayEquals(upload, upstream.received().get(0).body());
      assertArrayEquals(upload, recorder.cassette().interactions().get(0).request().body().bytes());
      assertEquals(upload.length, recorder.cassette().interactions().get(0).request().contentLength());
    }
  }

  @Test
  void theBedrockEventStreamReplaysByteForByte() throws Exception {
    Path fixture = SharedFiles.fixtures().resolve("bedrock/simple_streaming.yaml");
    Interaction recorded = Cassette.load(fixture).interactions().get(0);
    String upstream = "https://bedrock-runtime.us-east-1.amazonaws.com";
    try (Recorder recorder = Recorder.builder(fixture).mode(Mode.REPLAY_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstream)) {
      String path = recorded.request().url().substring(upstream.length());
      HttpResponse<byte[]> response = client.send(
          HttpRequest.newBuilder(URI.create(server.baseUri() + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(recorded.request().body().bytes())).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, response.statusCode());
      assertEquals("application/vnd.amazon.eventstream", response.headers().firstValue("Content-Type").orElseThrow());
      assertArrayEquals(recorded.response().body().bytes(), response.body());
    }
  }

  @Test
  void thirtyTwoConcurrentClientsRecordThenReplay() throws Exception {
    int clients = 32;
    Path cassette = dir.resolve("concurrent.yaml");
    CountDownLatch allArrived = new CountDownLatch(clients);
    String upstreamUrl;
    try (StandIn upstream = StandIn.start((exchange, r) -> {
          // Every request is held until all 32 are in flight at once.
          allArrived.countDown();
          allArrived.await();
          StandIn.reply(exchange, 200, "application/json", r.body());
        });
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstream.url())) {
      upstreamUrl = upstream.url();
      assertEquals(clients, concurrently(server.baseUri(), clients));
      assertEquals(clients, recorder.cassette().interactions().size());
    }
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstreamUrl)) {
      assertEquals(clients, concurrently(server.baseUri(), clients));
      assertTrue(recorder.unusedInteractions().isEmpty());
    }
  }

  /** Sends {@code n} distinct requests at once; returns how many came back with their own body. */
  private int concurrently(URI base, int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String body = "{\"n\":" + i + "}";
        calls.add(() -> {
          HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/echo"))
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
          return response.statusCode() == 200 && response.body().equals(body);
        });
      }
      int ok = 0;
      for (Future<Boolean> result : pool.invokeAll(calls)) {
        if (result.get()) ok++;
      }
      return ok;
    } finally {
      pool.shutdownNow();
    }
  }
}
