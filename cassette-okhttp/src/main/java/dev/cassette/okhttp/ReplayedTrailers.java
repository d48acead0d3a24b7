package dev.cassette.okhttp;

import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Headers;

/**
 * Gives a replayed response its recorded trailers, where the OkHttp on the class path allows it.
 *
 * <p>OkHttp 5 takes them through {@code Response.Builder.trailers(TrailersSource)}, so a replayed
 * {@code Response.trailers()} returns what was recorded. OkHttp 4.12 has no public way to give a
 * response trailers: its {@code trailers()} reads them from the network exchange, which a replayed
 * response does not have, and throws {@code IllegalStateException("trailers not available")}, as it
 * does for any response not read from the network. There the trailers stay in the cassette, and the
 * replay goes on without them.
 *
 * <p>Reached by reflection, because this library compiles against both OkHttp lines and
 * {@code TrailersSource} does not exist in 4.12.
 */
final class ReplayedTrailers {
  private static final System.Logger LOG = System.getLogger(ReplayedTrailers.class.getName());

  /** {@code okhttp3.TrailersSource}, or null before OkHttp 5. */
  private static final Class<?> SOURCE;
  /** {@code Response.Builder.trailers(TrailersSource)}, or null before OkHttp 5. */
  private static final Method SETTER;

  static {
    Class<?> source = null;
    Method setter = null;
    try {
      source = Class.forName("okhttp3.TrailersSource", false, okhttp3.Response.class.getClassLoader());
      setter = okhttp3.Response.Builder.class.getMethod("trailers", source);
    } catch (ReflectiveOperationException olderOkHttp) {
      source = null;
    }
    SOURCE = source;
    SETTER = setter;
  }

  private static final AtomicBoolean warned = new AtomicBoolean();

  private ReplayedTrailers() {}

  /** True when replayed responses carry their trailers (OkHttp 5). */
  static boolean supported() {
    return SETTER != null;
  }

  /** Sets the trailers {@code response.trailers()} will return, or notes once that this OkHttp cannot. */
  static void set(okhttp3.Response.Builder response, Headers trailers) {
    if (SETTER == null) {
      if (!warned.getAndSet(true)) {
        LOG.log(Level.INFO, "cassette: a replayed response has recorded trailers, but OkHttp 4.12 offers no"
            + " way to replay them (Response.trailers() needs a network exchange); OkHttp 5 replays them");
      }
      return;
    }
    Object source = Proxy.newProxyInstance(SOURCE.getClassLoader(), new Class<?>[] {SOURCE},
        (proxy, method, args) -> switch (method.getName()) {
          // Replayed trailers are ready at once: get() need not wait and peek() has them.
          case "get", "peek" -> trailers;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          case "toString" -> "replayed trailers " + trailers.names();
          default -> throw new UnsupportedOperationException(method.toString());
        });
    try {
      SETTER.invoke(response, source);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + SETTER, e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) throw runtime;
      if (cause instanceof Error error) throw error;
      throw new IllegalStateException(cause);
    }
  }
}
