package dev.cassette.junit5;

import dev.cassette.core.CassetteLayout;
import dev.cassette.core.Mode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test against a cassette: its parameters of type {@code OkHttpClient}, {@code CassetteInterceptor},
 * {@code java.net.http.HttpClient}, {@code HttpClient.Builder}, {@code CassetteServer} (with
 * {@link #upstream()}), {@code Recorder} and {@code Path} (the cassette file) are injected, and the
 * cassette is saved after the test as its mode says. In {@code REPLAY_ONLY} (the default in CI) a
 * request from a client the test did not wire to the cassette fails at once instead of reaching the
 * network; see {@link CassetteExtension}.
 *
 * <pre>{@code
 * @Test
 * @UseCassette("huggingface/multi_tool_streaming")
 * void streamsToolCalls(OkHttpClient client, Recorder recorder) { ... }
 * }</pre>
 *
 * <p>On a class it applies to every test in it and in its {@code @Nested} classes. Attributes combine
 * from the nearest declaration outwards: the method's, then its class's, then the enclosing classes'; an
 * attribute left at its default is taken from further out.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CassetteExtension.class)
public @interface UseCassette {
  /**
   * The cassette's name: its path under {@link #dir()} without {@code .yaml}, e.g.
   * {@code huggingface/multi_tool_streaming}. By default {@code <TestClassSimpleName>/<testMethodName>}
   * (a {@code @Nested} class adds a directory per enclosing class), with {@code -1}, {@code -2}... for
   * each invocation of a parameterized or repeated test. An explicit name is used as is, so every
   * invocation shares that one cassette.
   */
  String value() default "";

  /**
   * Pins the mode (at most one), overriding {@code -Dcassette.mode}, {@code CASSETTE_MODE} and the
   * {@code cassette.mode} configuration parameter. Pin it only on tests that must never record, such as
   * tests over committed fixtures: a pinned test cannot be re-recorded from the command line.
   */
  Mode[] mode() default {};

  /**
   * The directory cassettes live in, relative to the working directory (the module's directory under
   * Maven and Gradle). By default the extension builder's directory, else the JUnit configuration
   * parameter {@code cassette.dir}, else {@code src/test/resources/cassettes}.
   */
  String dir() default "";

  /** Lets the test pass without replaying every recorded interaction. */
  boolean allowUnused() default false;

  /** Lets one recorded interaction answer any number of matching requests. */
  boolean allowRepeats() default false;

  /**
   * How a cassette this test creates looks (at most one): {@link CassetteLayout#GO_VCR} for the file
   * go-vcr's {@code Save} writes, when Go code saves these cassettes too. By default the extension
   * builder's layout, else the system property or JUnit configuration parameter {@code cassette.layout}
   * ({@code compact}, {@code go-vcr}, {@code go-vcr-legacy}), else {@link CassetteLayout#COMPACT}. An
   * existing cassette keeps its own layout.
   */
  CassetteLayout[] layout() default {};

  /**
   * The base URL of the service a {@code CassetteServer} parameter stands in for, e.g.
   * {@code https://api.anthropic.com}: the test gets a server on loopback, recording and replaying
   * through this test's cassette, for clients that can be wired only by base URL (give them
   * {@code server.baseUri()}). The server is closed after the test, before the cassette is saved.
   * Needs {@code dev.cassette:cassette-server} on the class path, which cassette-junit5 brings.
   */
  String upstream() default "";

  /**
   * The largest cassette file this test loads, in bytes; 0 (the default) leaves it to the extension
   * builder's {@code maxCassetteBytes}, else the system property {@code cassette.maxBytes}, else 64 MiB.
   * Raise it for cassettes that hold large responses.
   */
  long maxBytes() default 0;

  /**
   * Refuses unwired requests to loopback too during a replay-only test. By default loopback
   * ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) stays reachable, since tests talk to local
   * services; set this when the code under test could reach a real service through a local proxy.
   */
  boolean refuseLoopback() default false;

  /**
   * Hosts left alone in every mode: requests to them go to the network untouched, are never recorded
   * and are not refused by the replay guard, e.g. {@code "localhost"}, {@code "*.internal.example"}.
   * Adds to the hosts of enclosing annotations and of the extension builder.
   */
  String[] ignoreHosts() default {};
}
