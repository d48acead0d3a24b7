package dev.cassette.server;


import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.core.ServerSentEvents;
import dev.cassette.core.SharedFiles;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Streams both ways: while recording, each upstream event reaches the client before the upstream sends
 * the next; in replay, each recorded event goes out as a chunk of its own.
 */
class StreamingTest {
  private static final List<String> EVENTS = List.of(
      "event: message_start\ndata: {\"n\":1}\n\n",
      "event: content_block_delta\ndata: {\"n\":2}\n\n",
      "event: message_stop\ndata: {\"n\":3}\n\n");

  /** A deadlock guard, not a measurement: an event held back by a buffer never arrives at all. */
  private static final long STUCK_SECONDS = 30;

  @TempDir Path dir;

  @Test
  void whileRecordingEachEventReachesTheClientBeforeTheUpstreamSendsTheNext() throws Exception {
    Path cassette = dir.resolve("sse.yaml");
    List<CountDownLatch> clientGot = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
    try (StandIn upstream = StandIn.start((exchange, request) -> {
          exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < EVENTS.size(); i++) {
              out.write(EVENTS.get(i).getBytes(StandardCharsets.UTF_8));
              out.flush();
              // The next event waits until the client has this one: a proxy that buffers deadlocks here.
              if (!clientGot.get(i).await(STUCK_SECONDS, TimeUnit.SECONDS)) return;
            }
          }
        });
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstream.url())) {
      HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.baseUri().resolve("/v1/messages"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true}")).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      List<String> events = new ArrayList<>();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        StringBuilder event = new StringBuilder();
        for (String line; (line = reader.readLine()) != null; ) {
          event.append(line).append('\n');
          if (line.isEmpty()) {
            events.add(event.toString());
            clientGot.get(events.size() - 1).countDown();
            event.setLength(0);
          }
        }
      }
      assertEquals(EVENTS, events);
    }
    Interaction recorded = Cassette.load(cassette).interactions().get(0);
    assertEquals(String.join("", EVENTS), recorded.response().body().text());
    assertEquals(List.of("chunked"), recorded.response().transferEncoding());
    assertEquals(-1, recorded.response().contentLength());
  }

  @Test
  void inReplayEachRecordedEventIsAChunkOfItsOwn() throws Exception {
    Path fixture = SharedFiles.fixtures().resolve("anthropic/multi_tool_streaming.yaml");
    Cassette cassette = Cassette.load(fixture);
    Interaction streamed = cassette.interactions().stream()
        .filter(i -> String.valueOf(i.response().headers().firstIgnoreCase("Content-Type")).startsWith("text/event-stream"))
        .findFirst().orElseThrow();
    try (Recorder recorder = Recorder.builder(fixture).mode(Mode.REPLAY_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, "https://api.anthropic.com")) {
      String path = streamed.request().url().substring("https://api.anthropic.com".length());
      byte[] body = streamed.request().body().bytes();
      RawHttp.Reply reply = RawHttp.exchange(server.baseUri(), "POST " + path + " HTTP/1.1\r\n"
          + "Host: " + server.baseUri().getAuthority() + "\r\n"
          + "Content-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\n"
          + "Connection: close\r\n", body, false);
      assertEquals(200, reply.code());
      assertEquals("chunked", reply.header("Transfer-Encoding"));
      byte[] recorded = streamed.response().body().bytes();
      assertArrayEquals(recorded, reply.body());
      List<String> expected = new ArrayList<>();
      for (int start = 0; start < recorded.length; ) {
        int end = ServerSentEvents.eventEnd(recorded, start);
        expected.add(new String(recorded, start, end - start, StandardCharsets.UTF_8));
        start = end;
      }
      List<String> chunks = reply.chunks().stream().map(c -> new String(c, StandardCharsets.UTF_8)).toList();
      assertTrue(expected.size() > 3, "the fixture streams several events");
      assertEquals(expected, chunks);
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      fail(e);
    }
  }

  @Test
  void aClientThatHangsUpMidStreamStillLeavesTheWholeResponseInTheCassette() throws Exception {
    Path cassette = dir.resolve("hangup.yaml");
    CountDownLatch clientGone = new CountDownLatch(1);
    try (StandIn upstream = StandIn.start((exchange, request) -> {
          exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(EVENTS.get(0).getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (!clientGone.await(STUCK_SECONDS, TimeUnit.SECONDS)) return;
            for (String event : EVENTS.subList(1, EVENTS.size())) out.write(event.getBytes(StandardCharsets.UTF_8));
          }
        });
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
      try (CassetteServer server = CassetteServer.start(recorder, upstream.url())) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.baseUri().getPort())) {
          socket.getOutputStream().write(("GET /v1/stream HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
          for (String line; (line = reader.readLine()) != null && !line.contains("message_start"); ) {
            // the head and the first chunk's size line
          }
        }
        clientGone.countDown();
      } // close() lets the exchange in flight finish
      Interaction recorded = recorder.cassette().interactions().get(0);
      assertEquals(String.join("", EVENTS), recorded.response().body().text());
    }
  }

  @Test
  void inReplayEachAwsEventStreamMessageIsAChunkOfItsOwn() throws Exception {
    Path fixture = SharedFiles.fixtures().resolve("bedrock/simple_streaming.yaml");
    Interaction streamed = Cassette.load(fixture).interactions().get(0);
    String upstream = "https://bedrock-runtime.us-east-1.amazonaws.com";
    try (Recorder recorder = Recorder.builder(fixture).mode(Mode.REPLAY_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstream)) {
      byte[] body = streamed.request().body().bytes();
      RawHttp.Reply reply = RawHttp.exchange(server.baseUri(),
          "POST " + streamed.request().url().substring(upstream.length()) + " HTTP/1.1\r\n"
          + "Host: " + server.baseUri().getAuthority() + "\r\n"
          + "Content-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\n"
          + "Connection: close\r\n", body, false);
      byte[] recorded = streamed.response().body().bytes();
      assertArrayEquals(recorded, reply.body());
      assertTrue(reply.chunks().size() > 3, "several messages, each a chunk");
      for (byte[] chunk : reply.chunks()) {
        int declared = java.nio.ByteBuffer.wrap(chunk).getInt();
        assertEquals(chunk.length, declared, "a chunk is one whole message, as its prelude says");
      }
    }
  }

  @Test
  void anAwsMessageLengthThatDoesNotFitRunsToTheEndOfTheBody() {
    byte[] body = {0, 0, 0, 20, 1, 2, 3};
    assertEquals(body.length, StreamFraming.AWS_EVENT_STREAM.messageEnd(body, 0));
    assertEquals(6, StreamFraming.AWS_EVENT_STREAM.messageEnd(new byte[] {0, 0, 0, 2, 9, 9}, 0));
    assertEquals(3, StreamFraming.AWS_EVENT_STREAM.messageEnd(new byte[] {1, 2, 3}, 0));
    assertEquals(StreamFraming.NONE, StreamFraming.of("application/json"));
    assertEquals(StreamFraming.AWS_EVENT_STREAM, StreamFraming.of("application/vnd.amazon.eventstream"));
    assertEquals(StreamFraming.SERVER_SENT_EVENTS, StreamFraming.of("text/event-stream; charset=utf-8"));
  }
}
