package compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.server.CassetteServer;
import dev.cassette.server.NetworkGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose client cassette cannot plug into: it points the client's base URL at a CassetteServer,
 * records a stream, replays it with the upstream gone, and keeps the replay hermetic with NetworkGuard.
 */
class ServerOnlyTest {
  private static final String EVENTS = "data: {\"delta\":\"Ol\"}\n\ndata: {\"delta\":\"á!\"}\n\ndata: [DONE]\n\n";

  @TempDir Path dir;

  @Test
  void noHttpLibraryComesWithTheServer() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("okhttp3.OkHttpClient"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.eclipse.jetty.server.Server"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("io.netty.channel.Channel"));
  }

  @Test
  void recordsAStreamThroughTheBaseUrlThenReplaysItHermetically() throws Exception {
    Path cassette = dir.resolve("chat.yaml");
    HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(EVENTS.getBytes(StandardCharsets.UTF_8));
      }
    });
    api.start();
    String upstream = "http://127.0.0.1:" + api.getAddress().getPort() + "/v1";
    String live;
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstream)) {
      live = chat(server.baseUri());
    } finally {
      api.stop(0);
    }
    assertEquals(EVENTS, live);
    assertFalse(Files.readString(cassette).contains("sk-live"));

    try (NetworkGuard.Lease guard = NetworkGuard.install();
        Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstream)) {
      assertEquals(live, chat(server.baseUri()));
      IOException escaped = assertThrows(IOException.class, () -> HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(URI.create("https://api.openai.com/v1/models")).build(), BodyHandlers.discarding()));
      assertTrue(escaped.getMessage().contains("cassette: refused a request to api.openai.com:443"), escaped.getMessage());
      assertEquals(List.of("api.openai.com"),
          guard.blocked().stream().map(b -> b.uri().getHost()).distinct().collect(Collectors.toList()));
    }
  }

  private static String chat(URI base) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
            .header("Authorization", "Bearer sk-live")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true}")).build(), BodyHandlers.ofString())
        .body();
  }
}
