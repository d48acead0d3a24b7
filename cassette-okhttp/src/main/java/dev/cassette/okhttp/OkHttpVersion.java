package dev.cassette.okhttp;

import java.security.CodeSource;

/**
 * The OkHttp on the class path, checked once. cassette-okhttp uses the user's OkHttp instead of bringing
 * its own (see its pom), so an SDK or framework may have put an older one there: OkHttp 3.x or 4.x
 * before 4.12 then fails deep in a call with a {@code NoSuchMethodError}. This check turns that into an
 * error that says which OkHttp was found, where, and what to declare instead.
 */
final class OkHttpVersion {
  private static final int MIN_MAJOR = 4;
  private static final int MIN_MINOR = 12;

  /** Null once the check passed; else why it failed, thrown again on every use. */
  private static final String PROBLEM = problem(found(), location());

  private OkHttpVersion() {}

  /** @throws IllegalStateException when the OkHttp on the class path is older than 4.12 */
  static void require() {
    if (PROBLEM != null) throw new IllegalStateException(PROBLEM);
  }

  /**
   * Why OkHttp {@code version} cannot run the interceptor, or null when it can.
   *
   * @param version as OkHttp reports it, e.g. {@code 4.12.0}, {@code 5.3.2}, {@code 3.14.9}; null when
   *     it could not be read, which is no reason to refuse
   * @param location the jar it was loaded from, for the message
   */
  static String problem(String version, String location) {
    if (isSupported(version)) return null;
    return "cassette-okhttp needs OkHttp 4.12 or later (com.squareup.okhttp3:okhttp 4.12, or okhttp-jvm 5.x), "
        + "but the class path has OkHttp " + version + " from " + location + ". cassette uses the OkHttp "
        + "your project has instead of bringing a second one: declare a newer one in your test dependencies, "
        + "e.g. com.squareup.okhttp3:okhttp:4.12.0, or upgrade the library that brings this one.";
  }

  private static boolean isSupported(String version) {
    if (version == null) return true;
    String[] parts = version.split("[.-]");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major > MIN_MAJOR || (major == MIN_MAJOR && minor >= MIN_MINOR);
    } catch (NumberFormatException e) {
      return true; // a version we cannot read is a newer scheme, not an old release
    }
  }

  /**
   * {@code okhttp3.OkHttp.VERSION} (4.x and 5.x), read by reflection because javac would otherwise copy
   * the constant we compiled against; OkHttp 3.x has only {@code okhttp3.internal.Version}.
   */
  private static String found() {
    try {
      return (String) Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      try {
        String agent = (String) Class.forName("okhttp3.internal.Version").getMethod("userAgent").invoke(null);
        return agent.substring(agent.indexOf('/') + 1);
      } catch (ReflectiveOperationException | LinkageError | RuntimeException older) {
        return null;
      }
    }
  }

  private static String location() {
    try {
      CodeSource source = Class.forName("okhttp3.OkHttpClient").getProtectionDomain().getCodeSource();
      return source != null ? String.valueOf(source.getLocation()) : "an unknown location";
    } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
      return "an unknown location";
    }
  }
}
