package dev.cassette.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Clients the test did not wire to a cassette fail at once under the guard, with a message that says
 * why and how to fix it, and without a lookup or a connection; loopback stays reachable; the JVM's
 * proxy selector is restored after the last lease.
 */
@Isolated
class NetworkGuardTest {
  /** A name that resolves nowhere: a lookup would fail with UnknownHostException, not the guard's message. */
  private static final String FOREIGN = "https://api.cassette-guard.invalid/v1/models?api_key=secret";

  private static void assertRefusedWithTheFix(Executable call, String host) {
    IOException e = assertThrows(IOException.class, call);
    String message = e.getMessage();
    assertTrue(message.contains("cassette: refused a request to " + host), message);
    assertTrue(message.contains("CassetteInterceptor") && message.contains("CassetteServer"), message);
    assertFalse(message.contains("secret"), message);
  }

  private static int jdk(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static int okhttp(String url) throws IOException {
    try (okhttp3.Response response = new okhttp3.OkHttpClient()
        .newCall(new okhttp3.Request.Builder().url(url).build()).execute()) {
      return response.code();
    }
  }

  private static int urlConnection(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    try {
      connection.getInputStream().close();
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }

  @Test
  void everyUnwiredClientFailsAtOnceNamingCassetteTheHostAndTheFix() {
    try (NetworkGuard.Lease guard = NetworkGuard.install()) {
      assertRefusedWithTheFix(() -> jdk(FOREIGN), "api.cassette-guard.invalid:443");
      assertRefusedWithTheFix(() -> okhttp(FOREIGN), "api.cassette-guard.invalid:443");
      assertRefusedWithTheFix(() -> urlConnection(FOREIGN), "api.cassette-guard.invalid:443");
      String plain = "http://api.cassette-guard.invalid/v1/models";
      assertRefusedWithTheFix(() -> jdk(plain), "api.cassette-guard.invalid");
      assertRefusedWithTheFix(() -> okhttp(plain), "api.cassette-guard.invalid");
      assertEquals(5, guard.blocked().size(), "three clients over https, two over http: " + guard.blocked());
      guard.blocked().forEach(request -> assertEquals("api.cassette-guard.invalid", request.uri().getHost()));
      guard.blocked().forEach(request -> assertFalse(request.toString().contains("secret"), request.toString()));
    }
  }

  @Test
  void theReportListsWhatWasRefusedAndHowToWireIt() {
    try (NetworkGuard.Lease guard = NetworkGuard.install()) {
      assertEquals(java.util.Optional.empty(), guard.report());
      // Code under test that swallows the failure: the report still tells the test.
      try {
        jdk(FOREIGN);
      } catch (Exception swallowed) {
        // as careless code does
      }
      String report = guard.report().orElseThrow();
      assertTrue(report.startsWith("cassette: 1 request from HTTP clients not wired to the cassette"), report);
      assertTrue(report.contains("\n  https://api.cassette-guard.invalid/v1/models (thread "), report);
      assertTrue(report.contains("NetworkGuard.builder().allowHosts(\"api.cassette-guard.invalid\")"), report);
      assertFalse(report.contains("secret"), report);
    }
  }

  @Test
  void httpUrlConnectionOverPlainHttpGetsA403ThatCarriesTheExplanation() throws IOException {
    try (NetworkGuard.Lease guard = NetworkGuard.install()) {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create("http://api.cassette-guard.invalid/v1").toURL().openConnection();
      IOException e = assertThrows(IOException.class, connection::getInputStream);
      assertTrue(e.getMessage().contains("403 for URL: http://api.cassette-guard.invalid/v1"), e.getMessage());
      assertTrue(connection.getResponseMessage().startsWith("cassette: refused a request to api.cassette-guard.invalid"));
      assertEquals(1, guard.blocked().size());
    }
  }

  @Test
  void theTargetIsNeverConnectedTo() throws Exception {
    try (StandIn target = StandIn.answering(200, "text/plain", "reached".getBytes(StandardCharsets.UTF_8));
        NetworkGuard.Lease guard = NetworkGuard.builder().allowLoopback(false).install()) {
      String url = target.url() + "/v1/models";
      assertRefusedWithTheFix(() -> jdk(url), "127.0.0.1:" + target.port());
      assertRefusedWithTheFix(() -> okhttp(url), "127.0.0.1:" + target.port());
      assertThrows(IOException.class, () -> urlConnection(url));
      assertEquals(List.of(), target.received());
      assertEquals(3, guard.blocked().size());
    }
  }

  @Test
  void loopbackAndAllowedHostsStayReachable() throws Exception {
    try (StandIn local = StandIn.answering(200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8))) {
      try (NetworkGuard.Lease guard = NetworkGuard.install()) {
        assertEquals(200, jdk(local.url()));
        assertEquals(200, okhttp("http://localhost:" + local.port() + "/"));
        assertEquals(200, urlConnection(local.url()));
        assertEquals(List.of(), guard.blocked());
      }
      try (NetworkGuard.Lease guard = NetworkGuard.builder().allowLoopback(false).allowHosts("127.0.0.1").install()) {
        assertEquals(200, jdk(local.url()));
        assertRefusedWithTheFix(() -> okhttp("http://localhost:" + local.port() + "/"), "localhost:" + local.port());
        assertEquals(1, guard.blocked().size());
      }
    }
  }

  @Test
  void loopbackIsRecognisedWithoutALookup() {
    for (String host : List.of("localhost", "LOCALHOST", "api.localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1")) {
      assertTrue(NetworkGuard.isLoopback(host), host);
    }
    for (String host : List.of("localhost.example.com", "128.0.0.1", "api.openai.com", "10.0.0.1", "127.0.0.1.nip.io")) {
      assertFalse(NetworkGuard.isLoopback(host), host);
    }
  }

  @Test
  void theLastLeaseRestoresTheJvmsSelectorAndClientsBuiltMeanwhileGoDirectAgain() throws Exception {
    ProxySelector before = ProxySelector.getDefault();
    try (StandIn local = StandIn.answering(200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8))) {
      NetworkGuard.Lease outer = NetworkGuard.builder().allowLoopback(false).install();
      ProxySelector guarding = ProxySelector.getDefault();
      NetworkGuard.Lease inner = NetworkGuard.builder().allowLoopback(false).install();
      assertSame(guarding, ProxySelector.getDefault(), "a second lease shares the installed selector");
      HttpClient builtUnderGuard = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create(local.url())).build();
      inner.close();
      assertTrue(NetworkGuard.isInstalled());
      assertThrows(IOException.class, () -> builtUnderGuard.send(request, HttpResponse.BodyHandlers.discarding()));
      outer.close();
      outer.close();
      assertFalse(NetworkGuard.isInstalled());
      assertSame(before, ProxySelector.getDefault());
      assertEquals(200, builtUnderGuard.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    }
  }

  @Test
  void leasesTakenAndReturnedInParallelLeaveNothingBehind() throws Exception {
    ProxySelector before = ProxySelector.getDefault();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        tasks.add(() -> {
          for (int i = 0; i < 25; i++) {
            try (NetworkGuard.Lease guard = NetworkGuard.install()) {
              try {
                jdk(FOREIGN);
                return false;
              } catch (IOException expected) {
                if (guard.blocked().isEmpty()) return false;
              }
            }
          }
          return true;
        });
      }
      for (Future<Boolean> result : pool.invokeAll(tasks)) assertTrue(result.get());
    } finally {
      pool.shutdownNow();
    }
    assertFalse(NetworkGuard.isInstalled());
    assertSame(before, ProxySelector.getDefault());
  }
}
