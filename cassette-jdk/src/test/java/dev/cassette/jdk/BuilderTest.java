package dev.cassette.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import java.net.Authenticator;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder form, for frameworks that take an {@code HttpClient.Builder}: every setting reaches the real client. */
class BuilderTest {
  @TempDir Path dir;

  @Test
  void everySettingReachesTheRealClient() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (Recorder recorder = Recorder.builder(dir.resolve("c.yaml")).mode(Mode.RECORD_ONLY).build()) {
      CookieManager cookies = new CookieManager();
      ProxySelector proxy = ProxySelector.of(null);
      Authenticator authenticator = new Authenticator() {};
      SSLContext ssl = SSLContext.getDefault();
      SSLParameters parameters = new SSLParameters(new String[] {"TLS_AES_128_GCM_SHA256"}, new String[] {"TLSv1.3"});
      HttpClient client = CassetteHttpClient.newBuilder(recorder)
          .connectTimeout(Duration.ofSeconds(7))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .version(HttpClient.Version.HTTP_1_1)
          .executor(executor)
          .cookieHandler(cookies)
          .proxy(proxy)
          .authenticator(authenticator)
          .sslContext(ssl)
          .sslParameters(parameters)
          .priority(1)
          .build();
      assertInstanceOf(CassetteHttpClient.class, client);
      assertSame(recorder, ((CassetteHttpClient) client).recorder());
      assertEquals(Duration.ofSeconds(7), client.connectTimeout().orElseThrow());
      assertEquals(HttpClient.Redirect.NORMAL, client.followRedirects());
      assertEquals(HttpClient.Version.HTTP_1_1, client.version());
      assertSame(executor, client.executor().orElseThrow());
      assertSame(cookies, client.cookieHandler().orElseThrow());
      assertSame(proxy, client.proxy().orElseThrow());
      assertSame(authenticator, client.authenticator().orElseThrow());
      assertSame(ssl, client.sslContext());
      assertEquals(parameters.getProtocols()[0], client.sslParameters().getProtocols()[0]);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void theCallersOwnBuilderBuildsTheRealClient() {
    try (Recorder recorder = Recorder.builder(dir.resolve("c.yaml")).mode(Mode.RECORD_ONLY).build()) {
      HttpClient client = CassetteHttpClient.newBuilder(recorder,
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))).build();
      assertEquals(Duration.ofSeconds(3), client.connectTimeout().orElseThrow());
    }
  }

  /** Java 19's localAddress, which this Java 17 module can only pass on at run time. */
  @Test
  void localAddressReachesTheRealBuilderOnJava19AndLater() throws Exception {
    assumeTrue(Runtime.version().feature() >= 19, "HttpClient.Builder.localAddress needs Java 19");
    try (Recorder recorder = Recorder.builder(dir.resolve("c.yaml")).mode(Mode.RECORD_ONLY).build()) {
      HttpClient.Builder builder = CassetteHttpClient.newBuilder(recorder);
      Object same = HttpClient.Builder.class.getMethod("localAddress", InetAddress.class)
          .invoke(builder, InetAddress.getLoopbackAddress());
      assertSame(builder, same);
      assertInstanceOf(CassetteHttpClient.class, builder.build());
    }
  }

  /** WebSockets are not recorded: the wrapped client's builder is handed out, not the JDK's default refusal. */
  @Test
  void webSocketBuildersComeFromTheWrappedClient() {
    try (Recorder recorder = Recorder.builder(dir.resolve("c.yaml")).mode(Mode.RECORD_ONLY).build()) {
      assertNotNull(CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient()).newWebSocketBuilder());
    }
  }

  /** On Java 21 and later these are HttpClient's own lifecycle; before, they do nothing. */
  @Test
  void lifecycleCallsReachTheWrappedClient() throws Exception {
    try (Recorder recorder = Recorder.builder(dir.resolve("c.yaml")).mode(Mode.RECORD_ONLY).build()) {
      CassetteHttpClient client = (CassetteHttpClient) CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient());
      boolean java21 = Runtime.version().feature() >= 21;
      client.shutdown();
      assertEquals(java21, client.awaitTermination(Duration.ofSeconds(10)));
      assertEquals(java21, client.isTerminated());
      client.close();
    }
  }
}
