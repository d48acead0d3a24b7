package dev.cassette.jdk;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Calls the lifecycle methods Java 21 added to {@link HttpClient} ({@code shutdown}, {@code close}, ...)
 * on a wrapped client. This module compiles for Java 17, where they do not exist, so they are found at
 * run time; before Java 21 every call does nothing and returns null.
 */
final class JavaLifecycle {
  private JavaLifecycle() {}

  static Object invoke(HttpClient client, String name) {
    return call(client, name, new Class<?>[0]);
  }

  static Object awaitTermination(HttpClient client, Duration duration) throws InterruptedException {
    try {
      return call(client, "awaitTermination", new Class<?>[] {Duration.class}, duration);
    } catch (InterruptedWrapper e) {
      throw e.cause;
    }
  }

  private static Object call(HttpClient client, String name, Class<?>[] types, Object... args) {
    Method method;
    try {
      method = HttpClient.class.getMethod(name, types);
    } catch (NoSuchMethodException e) {
      return null; // before Java 21
    }
    try {
      return method.invoke(client, args);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call HttpClient." + name + ": " + e, e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException interrupted) throw new InterruptedWrapper(interrupted);
      if (cause instanceof RuntimeException runtime) throw runtime;
      if (cause instanceof Error error) throw error;
      throw new IllegalStateException("HttpClient." + name + " failed: " + cause, cause);
    }
  }

  /** Carries an {@link InterruptedException} out of a reflective call to the one method that throws it. */
  private static final class InterruptedWrapper extends RuntimeException {
    final transient InterruptedException cause;

    InterruptedWrapper(InterruptedException cause) {
      super(null, cause, false, false);
      this.cause = cause;
    }
  }
}
