package dev.cassette.junit5;

import dev.cassette.okhttp.CassetteInterceptor;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Injects an {@link OkHttpClient} (the base client plus a {@link CassetteInterceptor}) and the
 * interceptor itself. The only class of this module that names OkHttp, loaded only when a test asks for
 * one of these, so OkHttp need not be on the class path of tests that do not.
 */
final class OkHttpAdapter implements ClientAdapter {
  /** For {@link CassetteClients}, which creates it by name. */
  OkHttpAdapter() {}

  @Override
  public Map<Class<?>, Object> wire(Wiring wiring) {
    OkHttpClient base = wiring.configured() != null ? (OkHttpClient) wiring.configured() : sharedDefault(wiring.run());
    CassetteInterceptor interceptor = new CassetteInterceptor(wiring.recorder());
    OkHttpClient client = base.newBuilder().addInterceptor(interceptor).build();
    return Map.of(OkHttpClient.class, client, CassetteInterceptor.class, interceptor);
  }

  /** One default client for the whole run: one connection pool and dispatcher, not one per test. */
  @SuppressWarnings("deprecation") // computeIfAbsent, its replacement, is missing before JUnit 5.13
  private static OkHttpClient sharedDefault(ExtensionContext.Store run) {
    return run.getOrComputeIfAbsent(OkHttpClient.class, k -> new OkHttpClient(), OkHttpClient.class);
  }
}
