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
          "com.squareup.okhttp3:okhttp 4.12 or later, or com.squareup.okhttp3:okhttp-jvm 5.x",
          "okhttp3.OkHttpClient", "dev.cassette.okhttp.CassetteInterceptor"),
      // java.net.http is the JDK's: only the cassette artifacts can be missing (excluded by the project).
      new Registration("dev.cassette.junit5.JdkAdapter", "dev.cassette:cassette-jdk",
          "the java.net.http module", "java.net.http.HttpClient", "java.net.http.HttpClient$Builder"),
      new Registration("dev.cassette.junit5.ServerAdapter", "dev.cassette:cassette-server",
          "the jdk.httpserver module", "dev.cassette.server.CassetteServer"));

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
   * @param library what the project must have on its test class path for the adapter to load, as a
   *     user would declare it
   * @param parameterTypes binary names of the parameter types it serves, its client's type first
   */
  record Registration(String adapterClass, String artifact, String library, List<String> parameterTypes) {
    Registration(String adapterClass, String artifact, String library, String... parameterTypes) {
      this(adapterClass, artifact, library, List.of(parameterTypes));
    }

    /** The client type's name: the key of a base client configured for this adapter. */
    String clientType() {
      return parameterTypes.get(0);
    }

    /**
     * Loads and creates the adapter. Only called for a parameter of its types, so its library should be
     * there; when a part of it is not (a jar left out, a runtime-only scope), the error says what to
     * declare rather than which class was missing deep inside.
     */
    ClientAdapter load() {
      try {
        return (ClientAdapter) Class.forName(adapterClass, true, CassetteClients.class.getClassLoader())
            .getDeclaredConstructor()
            .newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        throw cannotWire(e);
      }
    }

    /**
     * Loads the adapter and wires one test. The cassette artifacts may be missing too (a project can
     * exclude them), and the JVM may notice only when the adapter first touches one, inside {@code wire}.
     */
    Map<Class<?>, Object> wire(ClientAdapter.Wiring wiring) {
      ClientAdapter adapter = load();
      try {
        return adapter.wire(wiring);
      } catch (NoClassDefFoundError e) {
        if (!isCassettes(e)) throw e;
        throw cannotWire(e);
      }
    }

    private static boolean isCassettes(Throwable e) {
      return e instanceof NoClassDefFoundError && e.getMessage() != null && e.getMessage().startsWith("dev/cassette/");
    }

    /** A missing cassette class means an excluded cassette artifact; anything else, the client library. */
    private IllegalStateException cannotWire(Throwable e) {
      if (isCassettes(e)) {
        return new IllegalStateException("cassette cannot wire " + clientType() + " to the cassette: " + artifact
            + " is not on the test class path (" + e + "). cassette-junit5 brings it: remove the exclusion of "
            + artifact + " from the project's build, or declare it as a test dependency.", e);
      }
      return new IllegalStateException("cassette cannot wire " + clientType()
          + " to the cassette: its adapter does not load (" + e + "). cassette uses the client library"
          + " your project has and brings none; add " + library + " to your test dependencies.", e);
    }
  }
}
