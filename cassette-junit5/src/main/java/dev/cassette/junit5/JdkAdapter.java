package dev.cassette.junit5;

import dev.cassette.jdk.CassetteHttpClient;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Injects a {@code java.net.http.HttpClient} wired to the cassette ({@link CassetteHttpClient#wrap} of
 * the configured base client, else of one default client shared by the run), and an
 * {@link HttpClient.Builder} whose {@code build()} gives a wired client, for frameworks that take a
 * builder and configure it themselves (LangChain4j's {@code JdkHttpClient.builder().httpClientBuilder}).
 * Names cassette-jdk, which needs nothing but the JDK, so a test that takes neither loads neither.
 */
final class JdkAdapter implements ClientAdapter {
  /** For {@link CassetteClients}, which creates it by name. */
  JdkAdapter() {}

  @Override
  public Map<Class<?>, Object> wire(Wiring wiring) {
    HttpClient base = wiring.configured() != null ? (HttpClient) wiring.configured() : sharedDefault(wiring.run());
    return Map.of(
        HttpClient.class, CassetteHttpClient.wrap(wiring.recorder(), base),
        HttpClient.Builder.class, CassetteHttpClient.newBuilder(wiring.recorder()));
  }

  /** One default client for the whole run: one connection pool and selector thread, not one per test. */
  @SuppressWarnings("deprecation") // computeIfAbsent, its replacement, is missing before JUnit 5.13
  private static HttpClient sharedDefault(ExtensionContext.Store run) {
    return run.getOrComputeIfAbsent(HttpClient.class, k -> HttpClient.newHttpClient(), HttpClient.class);
  }
}
