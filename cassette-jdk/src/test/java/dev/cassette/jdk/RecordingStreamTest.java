package dev.cassette.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cassette.core.Cassette;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While recording, a stream reaches the caller as it arrives (not when it ends), and is recorded whole
 * when it completes; an exchange canceled or failed part-way records nothing and says why in the log.
 */
class RecordingStreamTest {
  private static final String FIRST = "data: {\"delta\":\"Hel\"}\n\n";
  private static final String SECOND = "data: {\"delta\":\"lo\"}\n\ndata: [DONE]\n\n";

  @TempDir Path dir;

  /** Serves FIRST, then waits until the test releases SECOND: proof that nothing waits for the end. */
  private static HttpServer heldStream(CountDownLatch release) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(FIRST.getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (release.await(30, TimeUnit.SECONDS)) out.write(SECOND.getBytes(StandardCharsets.UTF_8));
        out.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // the client went away: the test is about what the client recorded
      } finally {
        exchange.close();
      }
    });
    server.start();
    return server;
  }

  private static URI uri(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions");
  }

  @Test
  void eventsReachTheCallerAsTheyArriveAndTheWholeStreamIsRecorded() throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    CountDownLatch release = new CountDownLatch(1);
    HttpServer server = heldStream(release);
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
      HttpResponse<InputStream> response = CassetteHttpClient.wrap(recorder, JdkContractClient.BASE)
          .sendAsync(HttpRequest.newBuilder(uri(server)).build(), BodyHandlers.ofInputStream()).get();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        assertEquals("data: {\"delta\":\"Hel\"}", reader.readLine(), "the first event, before the server sent more");
        assertEquals("", reader.readLine());
        assertTrue(recorder.cassette().interactions().isEmpty(), "nothing recorded before the stream ends");
        release.countDown();
        StringBuilder rest = new StringBuilder();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) rest.append(line).append('\n');
        assertEquals(SECOND, rest.toString());
      }
      assertEquals(1, recorder.cassette().interactions().size(), "recorded when the body completed");
    } finally {
      server.stop(0);
    }
    assertEquals(FIRST + SECOND, Cassette.load(cassette).interactions().get(0).response().body().text());
  }

  @Test
  void aStreamTheCallerClosesEarlyRecordsNothingAndSaysWhy() throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    CountDownLatch release = new CountDownLatch(1);
    HttpServer server = heldStream(release);
    try (LogCapture log = new LogCapture();
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
      HttpResponse<InputStream> response = CassetteHttpClient.wrap(recorder, JdkContractClient.BASE)
          .send(HttpRequest.newBuilder(uri(server)).build(), BodyHandlers.ofInputStream());
      InputStream body = response.body();
      assertEquals('d', body.read());
      body.close();
      release.countDown();
      assertTrue(recorder.cassette().interactions().isEmpty());
      assertEquals(1, log.messages().size(), log.messages().toString());
      String message = log.messages().get(0);
      assertTrue(message.contains("not recording GET http://127.0.0.1:"), message);
      assertTrue(message.contains("canceled"), message);
    } finally {
      server.stop(0);
    }
    assertTrue(Cassette.load(cassette).interactions().isEmpty());
  }

  /** A server that promises 100 bytes, sends 10 and hangs up. */
  @Test
  void aBodyCutShortRecordsNothingAndSaysWhy() throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> {
        try (Socket socket = listener.accept()) {
          InputStream in = socket.getInputStream();
          // Read the request head, up to the blank line.
          int state = 0;
          while (state < 4) {
            int b = in.read();
            if (b < 0) return;
            state = (b == '\r' || b == '\n') ? state + 1 : 0;
          }
          socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100\r\n\r\n{\"partial\"").getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
        } catch (IOException e) {
          // the test sees the failure on the client side
        }
      });
      serving.start();
      URI uri = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/cut");
      try (LogCapture log = new LogCapture();
          Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
        ExecutionException failure = assertThrows(ExecutionException.class,
            () -> CassetteHttpClient.wrap(recorder, JdkContractClient.BASE)
                .sendAsync(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString()).get());
        assertTrue(failure.getCause() instanceof IOException, "failed as the real client fails: " + failure.getCause());
        assertTrue(recorder.cassette().interactions().isEmpty());
        assertEquals(1, log.messages().size(), log.messages().toString());
        assertTrue(log.messages().get(0).contains("not recording GET http://127.0.0.1:"), log.messages().get(0));
      }
      serving.join();
    }
    assertFalse(Cassette.load(cassette).interactions().iterator().hasNext());
  }
}
