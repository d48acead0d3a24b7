package dev.cassette.junit5;

import java.util.List;
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
      new Registration("dev.cassette.junit5.OkHttpAdapter",
          "com.squareup.okhttp3:okhttp 4.12 or later, or com.squareup.okhttp3:okhttp-jvm 5.x",
          "okhttp3.OkHttpClient", "dev.cassette.okhttp.CassetteInterceptor"));

  private CassetteClients() {}

  /** The adapter registered for parameters of {@code type}, if any; loads nothing. */
  static Optional<Registration> forType(Class<?> type) {
    String name = type.getName();
    return ADAPTERS.stream().filter(r -> r.parameterTypes().contains(name)).findFirst();
  }

  /**
   * @param adapterClass the adapter's binary name
   * @param library what the project must have on its test class path for the adapter to load, as a
   *     user would declare it
   * @param parameterTypes binary names of the parameter types it serves, its client's type first
   */
  record Registration(String adapterClass, String library, List<String> parameterTypes) {
    Registration(String adapterClass, String library, String... parameterTypes) {
      this(adapterClass, library, List.of(parameterTypes));
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
        throw new IllegalStateException("cassette cannot wire " + clientType()
            + " to the cassette: its adapter does not load (" + e + "). cassette uses the client library"
            + " your project has and brings none; add " + library + " to your test dependencies.", e);
      }
    }
  }
}
