package compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cassette.core.Cassette;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.junit5.CassetteExtension;
import dev.cassette.junit5.UseCassette;
import dev.cassette.server.CassetteServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A project on java.net.http alone, through the JUnit extension: the injected HttpClient records, then
 * replays with the server gone, the replay guard stops an unwired client, and a CassetteServer serves a
 * fixture; no OkHttp anywhere (the builder's jdkClient compiles without it, too).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JdkThroughExtensionTest {
  static final AtomicInteger served = new AtomicInteger();
  static HttpServer server;
  static URI hello;

  @RegisterExtension
  static CassetteExtension cassettes = CassetteExtension.builder()
      .jdkClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build())
      .dir(Path.of("target/cassettes"))
      .build();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      served.incrementAndGet();
      byte[] body = "{\"answer\":\"Olá!\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    hello = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hello");
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static String get(HttpClient client, URI uri) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString()).body();
  }

  @Test
  @Order(1)
  @UseCassette(value = "jdk/hello", mode = Mode.RECORD_ONLY)
  void records(HttpClient client) throws Exception {
    assertEquals("{\"answer\":\"Olá!\"}", get(client, hello));
    assertEquals(1, served.get());
  }

  @Test
  @Order(2)
  @UseCassette(value = "jdk/hello", mode = Mode.REPLAY_ONLY)
  void replaysWithABuiltClient(HttpClient.Builder builder) throws Exception {
    assertEquals("{\"answer\":\"Olá!\"}", get(builder.build(), hello));
    assertEquals(1, served.get(), "answered from the cassette");
  }

  @Test
  @Order(3)
  @UseCassette(value = "jdk/hello", mode = Mode.REPLAY_ONLY, allowUnused = true)
  void anUnwiredClientIsRefusedInReplay(Recorder recorder) {
    IOException e = assertThrows(IOException.class,
        () -> get(HttpClient.newHttpClient(), URI.create("https://api.openai.com/v1/models")));
    assertTrue(e.getMessage().contains("cassette: refused a request to api.openai.com"), e.getMessage());
  }

  @Test
  @UseCassette(value = "anthropic/simple", dir = "../../fixtures", mode = Mode.REPLAY_ONLY,
      upstream = "https://api.anthropic.com")
  void aServerStandsInForTheUpstream(CassetteServer anthropic, Recorder recorder) throws Exception {
    String body = recorder.cassette().interactions().get(0).request().body().text();
    HttpRequest request = HttpRequest.newBuilder(URI.create(anthropic.baseUri() + "/v1/messages"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    String answer = HttpClient.newHttpClient().send(request, BodyHandlers.ofString()).body();
    assertTrue(answer.contains("Olá!"), answer);
  }
}
