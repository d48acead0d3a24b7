package dev.cassette.junit5;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client libraries the extension can inject, each behind its {@link ClientAdapter}. Everything here
 * is by name: deciding whether a parameter is ours loads none of a library's classes, and an adapter
 * class is loaded only for a parameter of its types. A test that takes only a {@code Recorder} or a
 * {@code Path} thus runs with no HTTP client library on the class path at all.
 *
 * <p>Supporting another client takes one {@link ClientAdapter} class and one line in {@link #ADAPTERS}.
 */
final class CassetteClients {
  /**
   * One adapter per library. The first parameter type of each is its client, the key under which
   * {@code CassetteExtension.builder().client(...)} keeps a configured base client for it.
   */
  private static final List<Registration> ADAPTERS = List.of(
      new Registration("dev.cassette.junit5.OkHttpAdapter", "dev.cassette:cassette-okhttp",
          "okhttp3.OkHttpClient", "dev.cassette.okhttp.CassetteInterceptor"),
      new Registration("dev.cassette.junit5.JdkAdapter", "dev.cassette:cassette-jdk",
          "java.net.http.HttpClient", "java.net.http.HttpClient$Builder"),
      new Registration("dev.cassette.junit5.ServerAdapter", "dev.cassette:cassette-server",
          "dev.cassette.server.CassetteServer"));

  private CassetteClients() {}

  /** The adapter registered for parameters of {@code type}, if any; loads nothing. */
  static Optional<Registration> forType(Class<?> type) {
    String name = type.getName();
    return ADAPTERS.stream().filter(r -> r.parameterTypes().contains(name)).findFirst();
  }

  /**
   * @param adapterClass the adapter's binary name
   * @param artifact the cassette artifact the adapter's wiring lives in, which cassette-junit5 brings
   *     unless the project excluded it
   * @param parameterTypes binary names of the parameter types it serves, its client's type first
   */
  record Registration(String adapterClass, String artifact, List<String> parameterTypes) {
    Registration(String adapterClass, String artifact, String... parameterTypes) {
      this(adapterClass, artifact, List.of(parameterTypes));
    }

    /** The client type's name: the key of a base client configured for this adapter. */
    String clientType() {
      return parameterTypes.get(0);
    }

    /**
     * Loads the adapter and wires one test; only called for a parameter of its types, so the client
     * library is there. The cassette artifact may not be: a project can exclude it, and the JVM then
     * fails when the adapter first touches it, which may be in {@code wire}.
     */
    Map<Class<?>, Object> wire(ClientAdapter.Wiring wiring) {
      try {
        return ((ClientAdapter) Class.forName(adapterClass, true, CassetteClients.class.getClassLoader())
            .getDeclaredConstructor()
            .newInstance())
            .wire(wiring);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + adapterClass + " for " + clientType(), e);
      } catch (NoClassDefFoundError e) {
        // Only a missing cassette class means a missing cassette artifact; anything else is the library's.
        if (e.getMessage() == null || !e.getMessage().startsWith("dev/cassette/")) throw e;
        throw new IllegalStateException("cannot inject a " + clientType() + ": " + artifact + " is not on the"
            + " test class path (" + e + "). cassette-junit5 brings it: remove the exclusion of " + artifact
            + " from the project's build, or declare it as a test dependency", e);
      }
    }
  }
}
