package dev.cassette.junit5;

import dev.cassette.core.CassetteFormatException;
import dev.cassette.core.CassetteLayout;
import dev.cassette.core.CassetteNotFoundException;
import dev.cassette.core.Interaction;
import dev.cassette.core.Matcher;
import dev.cassette.core.Mode;
import dev.cassette.core.NoMatchingInteractionException;
import dev.cassette.core.Recorder;
import dev.cassette.core.Redaction;
import dev.cassette.core.yaml.CassetteReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The JUnit Jupiter extension behind {@link UseCassette}: it gives each test its own {@link Recorder} on
 * the test's cassette, injects HTTP clients that record and replay through it, and after the test saves
 * the cassette as the {@link Mode} says and fails the test if recorded interactions went unused. A test
 * that fails keeps what it recorded, since those exchanges are real and may have been paid for, and
 * says on standard error which file holds them and why.
 *
 * <p>Tests ask for what they need as parameters: {@code OkHttpClient} (the base client plus a
 * {@code CassetteInterceptor}), {@code CassetteInterceptor}, {@code java.net.http.HttpClient} (the base
 * client wrapped by {@code CassetteHttpClient}), {@code HttpClient.Builder} (whose {@code build()} gives a
 * wired client), {@code CassetteServer} (for {@code @UseCassette(upstream)}: any client, by base URL;
 * closed after the test), {@link Recorder}, or a {@link Path} without
 * annotations (the cassette file; in a {@code @ParameterizedTest}, where a {@code Path} may be an
 * argument, use {@link Recorder#path()} instead). {@code @BeforeEach} methods may ask too and get the
 * same objects. The recorder starts before the first of them is resolved, so a test that asks for none
 * touches no file.
 *
 * <p>HTTP client libraries are the project's own and optional: the extension names none of their classes
 * until a test asks for one of their types, so a project without OkHttp runs tests that take a
 * {@code Recorder}, a {@code Path} or a {@code java.net.http.HttpClient}, and {@code builder().dir(...)},
 * unchanged.
 *
 * <p><b>Hermetic replay.</b> In {@link Mode#REPLAY_ONLY}, from before the test's {@code @BeforeEach}
 * methods to after its {@code @AfterEach} methods, a request from a client the test did not wire to the
 * cassette fails at once with an {@code IOException} naming the host and the fix, without a DNS lookup
 * or a connection (cassette-server's {@code NetworkGuard}, a default {@code ProxySelector}; Netty-based
 * clients ignore it). Loopback stays reachable unless {@link Builder#refuseLoopback}; ignored hosts
 * ({@link Builder#ignoreHosts}) always are. After the test the console lists what was refused.
 *
 * <p><b>Silence.</b> A passing test that asked for a client, recorded, and sent nothing through it gets a
 * notice: the code under test likely builds its own client, whose requests the cassette never sees.
 *
 * <p>{@code @UseCassette} registers this extension with defaults. To change the defaults for a whole
 * class, register one yourself:
 *
 * <pre>{@code
 * @RegisterExtension
 * static CassetteExtension cassettes = CassetteExtension.builder()
 *     .client(new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build())
 *     .dir(Path.of("src/test/resources/recordings"))
 *     .build();
 * }</pre>
 *
 * <p>Safe under parallel execution: all state lives in the {@link ExtensionContext.Store}, and a test
 * waits while another test in the same run holds the same cassette file, so two tests never write one
 * file at once.
 */
public final class CassetteExtension
    implements BeforeEachCallback, BeforeTestExecutionCallback, ParameterResolver,
        TestExecutionExceptionHandler, AfterEachCallback {
  private static final Namespace NAMESPACE = Namespace.create(CassetteExtension.class);
  private static final String CONFIGURED = "configured";
  private static final String GUARD = "guard";
  /** Whether cassette-server, which holds the replay guard, is on the class path; looked up by name. */
  private static final boolean GUARD_AVAILABLE = isPresent("dev.cassette.server.NetworkGuard");

  /** Base clients from {@link Builder#client}, by client type name, so this class names no client type. */
  final Map<String, Object> baseClients;
  final Matcher matcher;
  final Redaction redaction;
  final Path dir;
  final Mode mode;
  final boolean allowUnused;
  final boolean allowRepeats;
  final CassetteLayout layout;
  final Environment environment;
  final long maxCassetteBytes;
  final boolean refuseLoopback;
  final List<String> ignoreHosts;
  final UnaryOperator<Interaction> beforeSave;
  final UnaryOperator<Interaction> beforeReplay;
  /** True when built with {@link #builder()}, false when registered by {@code @UseCassette}. */
  private final boolean configured;

  /** The extension as {@code @UseCassette} registers it: every setting at its default. */
  public CassetteExtension() {
    this(new Builder(), false);
  }

  private CassetteExtension(Builder builder, boolean configured) {
    this.configured = configured;
    this.baseClients = Map.copyOf(builder.clients);
    this.matcher = builder.matcher;
    this.redaction = builder.redaction;
    this.dir = builder.dir;
    this.mode = builder.mode;
    this.allowUnused = builder.allowUnused;
    this.allowRepeats = builder.allowRepeats;
    this.layout = builder.layout;
    this.environment = builder.environment;
    this.maxCassetteBytes = builder.maxCassetteBytes;
    this.refuseLoopback = builder.refuseLoopback;
    this.ignoreHosts = List.copyOf(builder.ignoreHosts);
    this.beforeSave = builder.beforeSave;
    this.beforeReplay = builder.beforeReplay;
  }

  /** A builder for an extension to register with {@code @RegisterExtension}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A class with a configured extension and {@code @UseCassette} on the class has two instances
   * registered, and a {@code @Nested} class or a subclass may register a configured one of its own.
   * Configured ones announce themselves here, outermost first, so the innermost is announced last; it
   * serves the test and the others step aside.
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    if (configured) context.getStore(NAMESPACE).put(CONFIGURED, this);
    guardReplay(context);
  }

  /**
   * In {@code REPLAY_ONLY}, holds the replay guard from before the test's {@code @BeforeEach} methods to
   * after its {@code @AfterEach} methods: clients read the JVM's proxy selector when they are built, so
   * one built in a {@code @BeforeEach} method must see the guard already. The instance that serves the
   * test decides; the callbacks of several registered instances may come in any order, so one that
   * serves replaces a guard another instance installed before it announced itself.
   */
  private void guardReplay(ExtensionContext context) {
    if (!GUARD_AVAILABLE || context.getTestMethod().isEmpty() || !serves(context)) return;
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Object installed = store.get(GUARD);
    if (installed != null) {
      if (((ReplayGuard) installed).owner() == this) return;
      store.remove(GUARD, ReplayGuard.class).close();
    }
    TestCassette cassette;
    try {
      cassette = TestCassette.of(context, this);
    } catch (RuntimeException e) {
      return; // an invalid @UseCassette fails the test when its session starts, with the reason
    }
    if (cassette.mode() == Mode.REPLAY_ONLY) store.put(GUARD, ReplayGuard.install(cassette.network(), this));
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, CassetteExtension.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Starts the session before the test method runs, when the method asks for it, so that a missing or
   * unreadable cassette fails the test with its own exception rather than as a parameter resolution error.
   */
  @Override
  public void beforeTestExecution(ExtensionContext context) {
    if (!serves(context)) return;
    for (Parameter parameter : context.getRequiredTestMethod().getParameters()) {
      if (isCassetteParameter(parameter)) {
        session(context);
        return;
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getTestMethod().isPresent() // a cassette belongs to one test
        && serves(context)
        && isCassetteParameter(parameter.getParameter());
  }

  /** False when another instance, configured and registered closer to the test, serves it. */
  private boolean serves(ExtensionContext context) {
    Object announced = context.getStore(NAMESPACE).get(CONFIGURED);
    return announced == null || announced == this;
  }

  private static boolean isCassetteParameter(Parameter parameter) {
    Class<?> type = parameter.getType();
    if (type == Path.class) {
      // @TempDir Path and other annotated paths belong to other resolvers, and so does any Path of a
      // parameterized test, where it may be one of the arguments: both claiming it would fail the test.
      return parameter.getAnnotations().length == 0 && !isParameterizedTest(parameter.getDeclaringExecutable());
    }
    return type == Recorder.class || CassetteClients.forType(type).isPresent();
  }

  /** By name: junit-jupiter-params need not be on the class path. */
  private static boolean isParameterizedTest(Executable method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().getName().equals("org.junit.jupiter.params.ParameterizedTest")) return true;
    }
    return false;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    CassetteSession session;
    try {
      session = session(context);
    } catch (RuntimeException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == Recorder.class) return session.recorder();
    if (type == Path.class) return session.cassette().file();
    CassetteClients.Registration adapter = CassetteClients.forType(type).orElseThrow();
    try {
      return session.client(type, adapter, baseClients, context.getRoot().getStore(NAMESPACE),
          context.getStore(NAMESPACE));
    } catch (RuntimeException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  /**
   * A request the cassette does not answer fails deep in the code under test, as an IOException that
   * the client may have wrapped in its own, and the failure is reported with the one thing only the
   * extension knows: the command that re-records this test.
   *
   * <p>The exception that carried it is replaced, not wrapped: wrappers copy the message of their cause
   * (an SDK's exception, a {@code CompletionException} around that, suppressed exceptions), so the chain
   * printed the whole report two to four times. The replacement prints it once, names the
   * wrappers, and keeps the outermost one's stack trace, which leads to the test's own line.
   */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
    CassetteSession session = serves(context)
        ? context.getStore(NAMESPACE).get(CassetteSession.class, CassetteSession.class) : null;
    List<Throwable> chain = session != null ? chainToNoMatch(thrown) : List.of();
    if (chain.isEmpty()) throw thrown;
    NoMatchingInteractionException noMatch = (NoMatchingInteractionException) chain.get(chain.size() - 1);
    String report = noMatch.report();
    if (chain.size() > 1) {
      report += "\n(The test got it wrapped in " + chain.subList(0, chain.size() - 1).stream()
          .map(t -> t.getClass().getName()).collect(Collectors.joining(" > "))
          + "; the stack trace is the outermost one's.)";
    }
    NoMatchingInteractionException explained =
        new NoMatchingInteractionException(report, session.cassette().reRecordHint());
    explained.setStackTrace(thrown.getStackTrace());
    throw explained;
  }

  /**
   * The exceptions from {@code thrown} down to the first no-match among their causes and suppressed
   * exceptions, both ends included; empty when there is none. Bounded, since a cause chain may loop.
   */
  private static List<Throwable> chainToNoMatch(Throwable thrown) {
    List<Throwable> chain = new ArrayList<>();
    Throwable t = thrown;
    for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
      chain.add(t);
      if (t instanceof NoMatchingInteractionException) return chain;
      for (Throwable suppressed : t.getSuppressed()) {
        if (suppressed instanceof NoMatchingInteractionException) {
          chain.add(suppressed);
          return chain;
        }
      }
    }
    return List.of();
  }

  /** Ends the test's session: see {@link CassetteSession#finish} for what is saved when. */
  @Override
  public void afterEach(ExtensionContext context) {
    try {
      CassetteSession session =
          context.getStore(NAMESPACE).remove(CassetteSession.class, CassetteSession.class);
      if (session != null) {
        session.finish(context.getExecutionException().isPresent(), notice -> ConsoleNotice.give(context, notice));
      }
    } finally {
      unguard(context);
    }
  }

  /**
   * Releases the replay guard and reports what it refused: the code under test may have swallowed the
   * exception, and a test that passed all the same is still one whose client is not wired.
   */
  private static void unguard(ExtensionContext context) {
    Object installed = context.getStore(NAMESPACE).remove(GUARD);
    if (installed == null) return;
    ReplayGuard guard = (ReplayGuard) installed;
    guard.close();
    List<String> blocked = guard.blocked();
    if (blocked.isEmpty()) return;
    ConsoleNotice.give(context, "the replay guard refused " + blocked.size() + " request"
        + (blocked.size() == 1 ? "" : "s") + " from an HTTP client not wired to the cassette while "
        + context.getRequiredTestMethod().getName() + " ran in REPLAY_ONLY: "
        + String.join(", ", blocked.subList(0, Math.min(5, blocked.size())))
        + (blocked.size() > 5 ? ", ..." : "") + ".\nWire that client to the test's recorder (take the"
        + " OkHttpClient, HttpClient or CassetteServer parameter and hand it to the code under test, see"
        + " docs/clients.md), or let its host through with @UseCassette(ignoreHosts = ...). With tests running"
        + " in parallel, the request may have come from another replay-only test.");
  }

  /**
   * This test's session, started on first use. One test's callbacks and parameters are handled on one
   * thread, so no other thread races this one. A session that failed to start is not stored: the failure
   * is reported once, by the test.
   */
  private CassetteSession session(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    CassetteSession session = store.get(CassetteSession.class, CassetteSession.class);
    if (session == null) {
      session = start(context);
      store.put(CassetteSession.class, session);
    }
    return session;
  }

  private CassetteSession start(ExtensionContext context) {
    TestCassette cassette = TestCassette.of(context, this);
    Semaphore lock = lock(context, cassette.file());
    try {
      // Interruptible, so that @Timeout on a test waiting here still ends it.
      lock.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for another test to finish with "
          + cassette.file() + "; tests that share a cassette file take turns", e);
    }
    try {
      Recorder.Builder recorder = Recorder.builder(cassette.file())
          .mode(cassette.mode())
          .allowRepeats(cassette.allowRepeats())
          .layout(cassette.layout());
      if (matcher != null) recorder.matcher(matcher);
      if (redaction != null) recorder.redaction(redaction);
      TestCassette.Network network = cassette.network();
      if (network.maxBytes() > 0) recorder.maxCassetteBytes(network.maxBytes());
      if (!network.ignoreHosts().isEmpty()) recorder.ignoreHosts(network.ignoreHosts().toArray(String[]::new));
      if (beforeSave != null) recorder.beforeSave(beforeSave);
      if (beforeReplay != null) recorder.beforeReplay(beforeReplay);
      return new CassetteSession(cassette, build(recorder, cassette), lock);
    } catch (RuntimeException | Error e) {
      lock.release();
      throw e;
    }
  }

  private static Recorder build(Recorder.Builder recorder, TestCassette cassette) {
    try {
      return recorder.build();
    } catch (CassetteNotFoundException e) {
      CassetteNotFoundException explained =
          new CassetteNotFoundException(cassette.file(), cassette.missingMessage());
      explained.initCause(e);
      throw explained;
    } catch (CassetteFormatException e) {
      // The reader's advice at its size limit names the APIs without JUnit; a test has two more.
      if (!e.problem().contains("over the limit of")) throw e;
      throw new CassetteFormatException(e.source(), e.line(), e.column(), e.problem()
          + "; in this test: @UseCassette(maxBytes = n) on " + cassette.testName()
          + ", or CassetteExtension.builder().maxCassetteBytes(n)", e);
    }
  }

  /**
   * One lock per cassette file for the whole run, kept in the root store: tests sharing a cassette run
   * one after the other even when JUnit runs them in parallel.
   */
  @SuppressWarnings("deprecation") // computeIfAbsent, its replacement, is missing before JUnit 5.13
  private static Semaphore lock(ExtensionContext context, Path file) {
    String key = "lock:" + file.toAbsolutePath().normalize();
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(key, k -> new Semaphore(1), Semaphore.class);
  }

  /**
   * Settings for every test the extension serves. {@code @UseCassette} attributes override them; the mode
   * set here overrides the system property, environment variable and configuration parameter.
   */
  public static final class Builder {
    private final Map<String, Object> clients = new HashMap<>();
    private Matcher matcher;
    private Redaction redaction;
    private Path dir;
    private Mode mode;
    private boolean allowUnused;
    private boolean allowRepeats;
    private CassetteLayout layout;
    private Environment environment = Environment.system();
    private long maxCassetteBytes;
    private boolean refuseLoopback;
    private final List<String> ignoreHosts = new ArrayList<>();
    private UnaryOperator<Interaction> beforeSave;
    private UnaryOperator<Interaction> beforeReplay;

    private Builder() {}

    /**
     * The client the injected {@code OkHttpClient} is built from, with its timeouts, proxies and
     * interceptors; by default one plain client shared by the run.
     */
    public Builder client(OkHttpClient client) {
      // Kept by name: the extension itself must not name OkHttp (see CassetteClients). Another client's
      // base client gets a method of its own name, not an overload of this one: javac needs the parameter
      // types of every overload to pick one, so a project without OkHttp could not compile the call.
      clients.put(OkHttpClient.class.getName(), Objects.requireNonNull(client, "client"));
      return this;
    }

    /**
     * The client the injected {@code java.net.http.HttpClient} wraps, with its timeouts, executor,
     * proxy and TLS settings; by default one {@code HttpClient.newHttpClient()} shared by the run. An
     * injected {@code HttpClient.Builder} starts empty: the framework that takes it configures it.
     * (A name of its own, not an overload of {@link #client}: javac would need OkHttp on the class path
     * to choose between overloads, and a project on java.net.http alone has none.)
     */
    public Builder jdkClient(HttpClient client) {
      clients.put(HttpClient.class.getName(), Objects.requireNonNull(client, "client"));
      return this;
    }

    /** How recorded requests are matched; by default method, URL and body. */
    public Builder matcher(Matcher matcher) {
      this.matcher = Objects.requireNonNull(matcher, "matcher");
      return this;
    }

    /** What is kept out of cassette files; by default all headers but Accept, Content-Type and User-Agent. */
    public Builder redaction(Redaction redaction) {
      this.redaction = Objects.requireNonNull(redaction, "redaction");
      return this;
    }

    /**
     * Where cassettes live, relative to the working directory; by default the configuration parameter
     * {@code cassette.dir}, else {@code src/test/resources/cassettes}.
     */
    public Builder dir(Path dir) {
      this.dir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** Pins the mode for every test, overriding the command line and environment. */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Lets tests pass without replaying every recorded interaction. */
    public Builder allowUnused(boolean allowUnused) {
      this.allowUnused = allowUnused;
      return this;
    }

    /** Lets one recorded interaction answer any number of matching requests. */
    public Builder allowRepeats(boolean allowRepeats) {
      this.allowRepeats = allowRepeats;
      return this;
    }

    /**
     * How cassettes these tests create look, e.g. {@link CassetteLayout#GO_VCR} when Go code saves them
     * too; overrides the system property and configuration parameter {@code cassette.layout}.
     * {@code @UseCassette(layout)} overrides it; an existing cassette keeps its own layout.
     */
    public Builder layout(CassetteLayout layout) {
      this.layout = Objects.requireNonNull(layout, "layout");
      return this;
    }

    /**
     * The largest cassette file the tests load, in bytes, for cassettes that hold large responses; by
     * default the system property {@code cassette.maxBytes}, else 64 MiB. {@code @UseCassette(maxBytes)}
     * overrides it.
     *
     * @throws IllegalArgumentException unless 1 &lt;= bytes &lt;= about 2 GiB
     */
    public Builder maxCassetteBytes(long bytes) {
      new CassetteReader().withMaxBytes(bytes); // the reader's own check, failing at this call
      this.maxCassetteBytes = bytes;
      return this;
    }

    /**
     * Refuses unwired requests to loopback too in replay-only tests; by default loopback stays
     * reachable, since tests talk to local services. {@code @UseCassette(refuseLoopback = true)} sets it
     * for one test or class.
     */
    public Builder refuseLoopback(boolean refuseLoopback) {
      this.refuseLoopback = refuseLoopback;
      return this;
    }

    /**
     * Hosts left alone in every mode: requests to them go to the network untouched, are never recorded,
     * and the replay guard lets them through (see {@link Recorder.Builder#ignoreHosts}). The hosts of
     * {@code @UseCassette(ignoreHosts)} add to these. Adds to earlier calls.
     */
    public Builder ignoreHosts(String... hosts) {
      Recorder.builder(Path.of("check")).ignoreHosts(hosts); // the recorder's own check, at this call
      ignoreHosts.addAll(List.of(hosts));
      return this;
    }

    /**
     * Rewrites each interaction as it is recorded, before it reaches the file, such as stable ids and
     * timestamps (see {@link Recorder.Builder#beforeSave}); the code under test still gets what the
     * server sent.
     */
    public Builder beforeSave(UnaryOperator<Interaction> hook) {
      this.beforeSave = Objects.requireNonNull(hook, "beforeSave");
      return this;
    }

    /**
     * Rewrites each matched interaction just before it is replayed, such as a fresh {@code created}
     * timestamp (see {@link Recorder.Builder#beforeReplay}); the file is unchanged.
     */
    public Builder beforeReplay(UnaryOperator<Interaction> hook) {
      this.beforeReplay = Objects.requireNonNull(hook, "beforeReplay");
      return this;
    }

    /** Replaces the process's system properties and environment variables, for tests. */
    Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    public CassetteExtension build() {
      return new CassetteExtension(this, true);
    }
  }
}
