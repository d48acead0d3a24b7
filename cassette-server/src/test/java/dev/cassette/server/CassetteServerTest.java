package dev.cassette.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records through the server against a loopback stand-in, then replays with the stand-in gone. */
class CassetteServerTest {
  private static final byte[] JSON = "{\"id\":\"msg_1\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}"
      .getBytes(StandardCharsets.UTF_8);

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  @TempDir Path dir;

  private Path cassette() {
    return dir.resolve("server.yaml");
  }

  private HttpResponse<byte[]> send(URI base, String method, String path, String body) throws Exception {
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method, publisher);
    if (body != null) request.header("Content-Type", "application/json");
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void recordsWhatTheUpstreamAnsweredThenReplaysItWithTheUpstreamGone() throws Exception {
    String upstreamUrl;
    try (StandIn upstream = StandIn.answering(200, "application/json", JSON)) {
      upstreamUrl = upstream.url();
      try (Recorder recorder = Recorder.builder(cassette()).mode(Mode.RECORD_ONLY).build();
          CassetteServer server = CassetteServer.start(recorder, upstream.url())) {
        HttpResponse<byte[]> live = send(server.baseUri(), "POST", "/v1/messages?beta=true", "{\"model\":\"m\"}");
        assertEquals(200, live.statusCode());
        assertArrayEquals(JSON, live.body());
      }
      assertEquals(1, upstream.received().size());
      assertEquals("/v1/messages?beta=true", upstream.received().get(0).uri());
    }

    Interaction recorded = Cassette.load(cassette()).interactions().get(0);
    assertEquals(upstreamUrl + "/v1/messages?beta=true", recorded.request().url());
    assertEquals(List.of("true"), recorded.request().form().get("beta"));
    assertEquals("{\"model\":\"m\"}", recorded.request().body().text());
    assertEquals(List.of("application/json"), recorded.request().headers().get("Content-Type"));
    assertEquals(200, recorded.response().code());
    assertArrayEquals(JSON, recorded.response().body().bytes());

    try (Recorder recorder = Recorder.builder(cassette()).mode(Mode.REPLAY_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstreamUrl)) {
      HttpResponse<byte[]> replayed = send(server.baseUri(), "POST", "/v1/messages?beta=true", "{\"model\":\"m\"}");
      assertEquals(200, replayed.statusCode());
      assertArrayEquals(JSON, replayed.body());
      assertEquals("application/json", replayed.headers().firstValue("Content-Type").orElseThrow());
    }
  }

  @Test
  void anIgnoredUpstreamIsForwardedUnrecordedEvenInReplayOnly() throws Exception {
    try (StandIn upstream = StandIn.answering(200, "application/json", JSON);
        Recorder recorder = Recorder.builder(cassette()).mode(Mode.REPLAY_ONLY)
            .cassette(dev.cassette.core.Cassette.builder().build())
            .ignoreHosts(URI.create(upstream.url()).getHost()).build();
        CassetteServer server = CassetteServer.start(recorder, upstream.url())) {
      HttpResponse<byte[]> live = send(server.baseUri(), "GET", "/v1/models", null);
      assertEquals(200, live.statusCode());
      assertArrayEquals(JSON, live.body());
      assertEquals(1, upstream.received().size());
      assertEquals(List.of(), recorder.recordedInteractions());
    }
  }

  @Test
  void baseUriIsLoopbackOnAFreePortWithoutATrailingSlash() throws Exception {
    try (Recorder recorder = Recorder.builder(cassette()).mode(Mode.RECORD_ONLY).build();
        CassetteServer a = CassetteServer.start(recorder, "https://api.anthropic.com/");
        CassetteServer b = CassetteServer.start(recorder, "https://api.openai.com/v1")) {
      assertEquals("127.0.0.1", a.baseUri().getHost());
      assertNotEquals(a.baseUri().getPort(), b.baseUri().getPort());
      assertFalse(a.baseUri().toString().endsWith("/"));
      assertEquals(URI.create("https://api.anthropic.com"), a.upstream());
      assertEquals(URI.create("https://api.openai.com/v1"), b.upstream());
    }
  }

  @Test
  void aPathPrefixOnTheUpstreamComesBeforeTheClientsPath() throws Exception {
    try (StandIn upstream = StandIn.answering(200, "application/json", JSON);
        Recorder recorder = Recorder.builder(cassette()).mode(Mode.RECORD_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstream.url() + "/v1")) {
      send(server.baseUri(), "GET", "/models", null);
      assertEquals("/v1/models", upstream.received().get(0).uri());
      assertEquals(upstream.url() + "/v1/models", recorder.cassette().interactions().get(0).request().url());
    }
  }

  @Test
  void anUnmatchedRequestGets404WithTheNoMatchReportAndNeverReachesTheUpstream() throws Exception {
    try (StandIn upstream = StandIn.answering(200, "application/json", JSON)) {
      try (Recorder recorder = Recorder.builder(cassette()).mode(Mode.RECORD_ONLY).build();
          CassetteServer server = CassetteServer.start(recorder, upstream.url())) {
        send(server.baseUri(), "POST", "/v1/messages", "{\"model\":\"a\"}");
      }
      try (Recorder recorder = Recorder.builder(cassette()).mode(Mode.REPLAY_ONLY).build();
          CassetteServer server = CassetteServer.start(recorder, upstream.url())) {
        // An API client (it sends or accepts JSON) gets the report where SDKs look for a message.
        HttpResponse<byte[]> refused = send(server.baseUri(), "POST", "/v1/messages", "{\"model\":\"b\"}");
        assertEquals(404, refused.statusCode());
        assertEquals("application/json", refused.headers().firstValue("Content-Type").orElseThrow());
        JsonNode json = new ObjectMapper().readTree(refused.body());
        String report = json.at("/error/message").asText();
        assertEquals("cassette_no_match", json.at("/error/type").asText());
        assertEquals(report, json.at("/message").asText());
        assertTrue(report.contains(cassette().toString()), report);
        assertTrue(report.contains("POST " + upstream.url() + "/v1/messages"), report);
        assertTrue(report.contains("/model"), report); // the JSON Pointer that differs

        // Anything else (curl) gets it as plain text.
        HttpResponse<byte[]> plain = send(server.baseUri(), "GET", "/v1/models", null);
        assertEquals(404, plain.statusCode());
        assertEquals("text/plain; charset=utf-8", plain.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(new String(plain.body(), StandardCharsets.UTF_8).contains("GET " + upstream.url() + "/v1/models"));
      }
      assertEquals(1, upstream.received().size());
    }
  }

  @Test
  void aStoppedRecorderIsReportedNotForwarded() throws Exception {
    try (StandIn upstream = StandIn.answering(200, "application/json", JSON);
        Recorder recorder = Recorder.builder(cassette()).mode(Mode.RECORD_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstream.url())) {
      recorder.stop();
      HttpResponse<byte[]> refused = send(server.baseUri(), "GET", "/", null);
      assertEquals(404, refused.statusCode());
      assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("is stopped"));
      assertTrue(upstream.received().isEmpty());
    }
  }

  @Test
  void anUnreachableUpstreamGets502AndNothingIsRecorded() throws Exception {
    int closedPort;
    try (StandIn gone = StandIn.answering(200, null, new byte[0])) {
      closedPort = gone.port();
    }
    try (Recorder recorder = Recorder.builder(cassette()).mode(Mode.RECORD_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, "http://127.0.0.1:" + closedPort)) {
      HttpResponse<byte[]> failed = send(server.baseUri(), "GET", "/v1/models", null);
      assertEquals(502, failed.statusCode());
      assertTrue(new String(failed.body(), StandardCharsets.UTF_8).contains("GET http://127.0.0.1:" + closedPort + "/v1/models"));
      assertTrue(recorder.cassette().interactions().isEmpty());
    }
  }

  @Test
  void aBadUpstreamOrPortIsRefusedWithTheFix() {
    Recorder recorder = Recorder.builder(cassette()).mode(Mode.PASSTHROUGH).build();
    IllegalArgumentException notUrl = assertThrows(IllegalArgumentException.class,
        () -> CassetteServer.start(recorder, "api.anthropic.com"));
    assertTrue(notUrl.getMessage().contains("e.g. https://api.anthropic.com"), notUrl.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CassetteServer.start(recorder, "https://x.test/?key=1"));
    assertThrows(IllegalArgumentException.class, () -> CassetteServer.builder(recorder, "https://x.test").port(70000));
    try (CassetteServer taken = CassetteServer.start(recorder, "https://x.test")) {
      UncheckedIOException busy = assertThrows(UncheckedIOException.class,
          () -> CassetteServer.builder(recorder, "https://x.test").port(taken.baseUri().getPort()).start());
      assertTrue(busy.getMessage().contains("choose another port"), busy.getMessage());
    }
  }

  @Test
  void passthroughForwardsAndRecordsNothing() throws Exception {
    try (StandIn upstream = StandIn.answering(200, "application/json", JSON);
        Recorder recorder = Recorder.builder(cassette()).mode(Mode.PASSTHROUGH).build();
        CassetteServer server = CassetteServer.start(recorder, upstream.url())) {
      assertArrayEquals(JSON, send(server.baseUri(), "GET", "/a", null).body());
      assertEquals(1, upstream.received().size());
    }
    assertFalse(Files.exists(cassette()));
  }

  @Test
  void closingWithoutRequestsIsImmediateAndIdempotent() throws IOException {
    Recorder recorder = Recorder.builder(cassette()).mode(Mode.RECORD_ONLY).build();
    CassetteServer server = CassetteServer.start(recorder, "https://api.anthropic.com");
    server.close();
    server.close();
    assertThrows(IOException.class, () -> new java.net.Socket("127.0.0.1", server.baseUri().getPort()).close());
  }
}
