package dev.cassette.junit5;

import dev.cassette.core.Recorder;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Wires one HTTP client library to a test's {@link Recorder}: what the extension injects for the
 * parameters of that library's types. An implementation may name its library's classes freely, since
 * {@link CassetteClients} loads it only when a test asks for one of those types, which are then on the
 * class path. Implementations have a no-argument constructor.
 */
interface ClientAdapter {
  /**
   * The objects to inject into one test, by parameter type: called once per test, when the first
   * parameter of one of this adapter's types is resolved, so that all of them share one wiring (the
   * {@code OkHttpClient} a test gets carries the very {@code CassetteInterceptor} it may also ask for).
   */
  Map<Class<?>, Object> wire(Wiring wiring);

  /**
   * What an adapter gets to wire one test.
   *
   * @param recorder the test's recorder
   * @param configured what {@code CassetteExtension.builder()} was given for this library, such as a base
   *     client with its timeouts; null when nothing was
   * @param upstream the test's {@code @UseCassette(upstream)}, empty when none
   * @param run the store of the whole run, for what tests share, such as one default client and its
   *     connection pool
   * @param closeAfterTest takes what must be closed when the test ends, before its cassette is saved
   *     (a server with requests in flight records them first)
   */
  record Wiring(Recorder recorder, Object configured, String upstream, ExtensionContext.Store run,
      Consumer<AutoCloseable> closeAfterTest) {}
}
