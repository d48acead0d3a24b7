package compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.jdk.CassetteHttpClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project that uses java.net.http alone: it records, replays offline, and has no OkHttp to load. */
class JdkOnlyTest {
  @TempDir Path dir;

  @Test
  void okHttpIsNotOnTheClassPath() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("okhttp3.OkHttpClient"));
  }

  @Test
  void recordsThenReplaysWithNoServer() throws Exception {
    Path cassette = dir.resolve("chat.yaml");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "{\"answer\":\"Olá!\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat?api_key=sk-live");
    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"q\":\"hi\"}")).build();
    String live;
    try (Recorder recorder = Recorder.builder(cassette).build()) {
      live = CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient()).send(request, BodyHandlers.ofString()).body();
    } finally {
      server.stop(0);
    }
    assertFalse(Files.readString(cassette).contains("sk-live"));
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build()) {
      HttpClient client = CassetteHttpClient.newBuilder(recorder).build();
      assertEquals(live, client.sendAsync(request, BodyHandlers.ofString()).get().body());
    }
  }
}
