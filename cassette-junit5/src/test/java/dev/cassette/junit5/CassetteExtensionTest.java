package dev.cassette.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.cassette.core.Cassette;
import dev.cassette.core.CassetteNotFoundException;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.NoMatchingInteractionException;
import dev.cassette.core.Recorder;
import dev.cassette.core.Redaction;
import dev.cassette.junit5.standin.StandIn;
import dev.cassette.okhttp.CassetteInterceptor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs sample test classes through the Jupiter engine and checks their outcomes, their messages and the
 * cassette files they leave. The samples answer to a live {@link StandIn} server that replies
 * {@code response to <path>} and counts requests.
 */
class CassetteExtensionTest {
  @TempDir
  Path dir;

  private StandIn server;

  @BeforeEach
  void startServer() throws Exception {
    server = StandIn.start(request -> new StandIn.Answer("text/plain", "response to " + request.path()));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  // ---- samples ------------------------------------------------------------------------------------

  /** An extension that ignores the real process's cassette.mode, CASSETTE_MODE and CI. */
  static CassetteExtension isolated() {
    return CassetteExtension.builder().environment(FakeEnvironment.EMPTY).build();
  }

  static String get(OkHttpClient client, HttpUrl url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.body().string();
    }
  }

  @ExtendWith(SampleServer.class)
  static class Hello {
    @RegisterExtension
    static CassetteExtension cassettes = isolated();

    @Test
    void hello(OkHttpClient client, Recorder recorder, CassetteInterceptor interceptor, Path cassette,
        HttpUrl server) throws IOException {
      assertEquals(cassette, recorder.path());
      assertTrue(client.interceptors().contains(interceptor));
      assertEquals("response to /hello", get(client, server.resolve("/hello")));
    }
  }

  @ExtendWith(SampleServer.class)
  static class AnnotationOnly {
    @Test
    @UseCassette(value = "pinned/replay", mode = Mode.REPLAY_ONLY)
    void pinned(OkHttpClient client, HttpUrl server) throws IOException {
      get(client, server.resolve("/hello"));
    }
  }

  @ExtendWith(SampleServer.class)
  static class TwoRequests {
    @RegisterExtension
    static CassetteExtension cassettes = isolated();

    @Test
    @UseCassette("two")
    void both(OkHttpClient client, HttpUrl server) throws IOException {
      get(client, server.resolve("/a"));
      get(client, server.resolve("/b"));
    }
  }

  @ExtendWith(SampleServer.class)
  static class OneOfTwo {
    @RegisterExtension
    static CassetteExtension cassettes = isolated();

    @Test
    @UseCassette("two")
    void strict(OkHttpClient client, HttpUrl server) throws IOException {
      assertEquals("response to /a", get(client, server.resolve("/a")));
    }

    @Test
    @UseCassette(value = "two", allowUnused = true)
    void lenient(OkHttpClient client, HttpUrl server) throws IOException {
      assertEquals("response to /a", get(client, server.resolve("/a")));
    }
  }

  @ExtendWith(SampleServer.class)
  static class HelloTwice {
    @RegisterExtension
    static CassetteExtension cassettes = isolated();

    @Test
    @UseCassette(value = "Hello/hello", allowRepeats = true)
    void repeats(OkHttpClient client, HttpUrl server) throws IOException {
      assertEquals("response to /hello", get(client, server.resolve("/hello")));
      assertEquals("response to /hello", get(client, server.resolve("/hello")));
    }

    @Test
    @UseCassette(value = "Hello/hello", mode = Mode.REPLAY_ONLY, allowUnused = true)
    void pinned(OkHttpClient client, HttpUrl server) throws IOException {
      get(client, server.resolve("/not-recorded"));
    }

    /** A client that wraps the IOException in its own exception, as SDKs do. */
    @Test
    @UseCassette(value = "Hello/hello", allowUnused = true)
    void wrapped(OkHttpClient client, HttpUrl server) {
      try {
        get(client, server.resolve("/not-recorded"));
      } catch (IOException e) {
        throw new IllegalStateException("the SDK's own failure", e);
      }
    }

    @Test
    @UseCassette("Hello/hello")
    void servesEachInteractionOnce(OkHttpClient client, HttpUrl server) throws IOException {
      get(client, server.resolve("/hello"));
      get(client, server.resolve("/hello"));
    }
  }

  @ExtendWith(SampleServer.class)
  static class Failing {
    @RegisterExtension
    static CassetteExtension cassettes = isolated();

    /** A paid call that succeeds, then the test's own assertion fails. */
    @Test
    void recordsThenFails(OkHttpClient client, HttpUrl server) throws IOException {
      assertEquals("response to /hello", get(client, server.resolve("/hello")));
      fail("boom");
    }
  }

  @ExtendWith(SampleServer.class)
  static class RateLimited {
    @RegisterExtension
    static CassetteExtension cassettes = isolated();

    @Test
    void retriesOnce(OkHttpClient client, HttpUrl server) throws IOException {
      get(client, server.resolve("/models"));
      try (Response response = client.newCall(new Request.Builder().url(server.resolve("/chat")).build()).execute()) {
        assertEquals(200, response.code(), "rate limited");
      }
    }
  }

  @ExtendWith(SampleServer.class)
  static class FailsBeforeCalling {
    @RegisterExtension
    static CassetteExtension cassettes = isolated();

    @Test
    @UseCassette("Hello/hello")
    void failsFirst(OkHttpClient client) {
      fail("before any call");
    }
  }

  @ExtendWith(SampleServer.class)
  @UseCassette(allowUnused = true)
  static class Outer {
    @RegisterExtension
    static CassetteExtension cassettes = isolated();

    @Nested
    class Inner {
      @Test
      void defaultName(Path cassette, OkHttpClient client, HttpUrl server) throws IOException {
        get(client, server.resolve("/inner"));
      }

      @Test
      @UseCassette("named")
      void namedHere(Path cassette, OkHttpClient client, HttpUrl server) throws IOException {
        get(client, server.resolve("/named"));
      }
    }
  }

  static class OuterConfigured {
    @RegisterExtension
    static CassetteExtension cassettes = isolated();

    @Nested
    class InnerConfigured {
      @RegisterExtension
      static CassetteExtension closer = CassetteExtension.builder()
          .environment(FakeEnvironment.EMPTY).mode(Mode.PASSTHROUGH).build();

      @Test
      void theInnermostExtensionServes(Recorder recorder, OkHttpClient client) {
        assertEquals(Mode.PASSTHROUGH, recorder.mode());
      }
    }
  }

  @ExtendWith(SampleServer.class)
  static class Templates {
    @RegisterExtension
    static CassetteExtension cassettes = isolated();

    @ParameterizedTest
    @ValueSource(strings = {"/x", "/y"})
    void parameterized(String path, OkHttpClient client, HttpUrl server) throws IOException {
      assertEquals("response to " + path, get(client, server.resolve(path)));
    }

    @RepeatedTest(3)
    void repeated(OkHttpClient client, HttpUrl server) throws IOException {
      get(client, server.resolve("/repeated"));
    }

    /** A Path argument is the parameterized test's; the cassette's path is the recorder's. */
    @ParameterizedTest
    @ValueSource(strings = "notes.txt")
    void pathArgument(Path argument, Recorder recorder) {
      assertEquals(Path.of("notes.txt"), argument);
      assertTrue(recorder.path().endsWith(Path.of("Templates", "pathArgument-1.yaml")), recorder.path().toString());
    }
  }

  @ExtendWith(SampleServer.class)
  static class SharedInParallel {
    @RegisterExtension
    static CassetteExtension cassettes = isolated();

    /** Reset by the test that runs this sample: how many tests hold "shared" now, and at most. */
    static final AtomicInteger holders = new AtomicInteger();
    static final AtomicInteger mostHolders = new AtomicInteger();
    /** Released only when e and f run at once, which proves the run really is parallel. */
    static volatile CountDownLatch unsharedTogether;

    void call(OkHttpClient client, HttpUrl server) throws IOException {
      assertEquals("response to /shared", get(client, server.resolve("/shared")));
    }

    void shared(OkHttpClient client, HttpUrl server) throws Exception {
      mostHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
      try {
        Thread.sleep(30); // widen the window in which an overlap would show
        call(client, server);
      } finally {
        holders.decrementAndGet();
      }
    }

    void unshared(OkHttpClient client, HttpUrl server) throws Exception {
      unsharedTogether.countDown();
      assertTrue(unsharedTogether.await(20, TimeUnit.SECONDS), "e and f never ran at the same time");
      call(client, server);
    }

    @Test @UseCassette("shared") void a(OkHttpClient c, HttpUrl s) throws Exception { shared(c, s); }
    @Test @UseCassette("shared") void b(OkHttpClient c, HttpUrl s) throws Exception { shared(c, s); }
    @Test @UseCassette("shared") void c(OkHttpClient c, HttpUrl s) throws Exception { shared(c, s); }
    @Test @UseCassette("shared") void d(OkHttpClient c, HttpUrl s) throws Exception { shared(c, s); }
    @Test void e(OkHttpClient c, HttpUrl s) throws Exception { unshared(c, s); }
    @Test void f(OkHttpClient c, HttpUrl s) throws Exception { unshared(c, s); }
  }

  @ExtendWith(SampleServer.class)
  static class CustomRedaction {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder()
        .redaction(Redaction.builder().allowHeaders("X-Trace-Id").build())
        .environment(FakeEnvironment.EMPTY)
        .build();

    @Test
    @UseCassette("traced")
    void traced(OkHttpClient client, HttpUrl server) throws IOException {
      Request request = new Request.Builder().url(server.resolve("/traced"))
          .header("X-Trace-Id", "trace-1").header("Authorization", "Bearer sk-secret").build();
      try (Response response = client.newCall(request).execute()) {
        assertEquals("response to /traced", response.body().string());
      }
    }
  }

  @ExtendWith(SampleServer.class)
  static class BeforeEachSharesTheSession {
    @RegisterExtension
    static CassetteExtension cassettes = isolated();

    OkHttpClient fromSetUp;

    @BeforeEach
    void setUp(OkHttpClient client) {
      fromSetUp = client;
    }

    @Test
    void sameClient(OkHttpClient client, HttpUrl server) throws IOException {
      assertSame(fromSetUp, client);
      get(client, server.resolve("/hello"));
    }
  }

  @ExtendWith(SampleServer.class)
  static class NoCassetteParameters {
    @RegisterExtension
    static CassetteExtension cassettes = isolated();

    @Test
    void plain(@TempDir Path temporary) {
      assertTrue(Files.isDirectory(temporary));
    }
  }

  @ExtendWith(SampleServer.class)
  static class UnderCi {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder()
        .environment(new FakeEnvironment(Map.of(), Map.of("CI", "true")))
        .build();

    @Test
    void replaysOnly(OkHttpClient client) {}
  }

  @ExtendWith(SampleServer.class)
  static class PinnedByBuilder {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder()
        .dir(Path.of("target/configured"))
        .mode(Mode.RECORD_ONCE)
        .environment(new FakeEnvironment(Map.of("cassette.mode", "replay"), Map.of()))
        .build();

    @Test
    void builderWins(Recorder recorder, Path cassette) {
      assertEquals(Mode.RECORD_ONCE, recorder.mode());
      assertEquals(Path.of("target/configured/PinnedByBuilder/builderWins.yaml"), cassette);
    }

    @Test
    @UseCassette(dir = "target/annotated", mode = Mode.PASSTHROUGH)
    void annotationWins(Recorder recorder, Path cassette) {
      assertEquals(Mode.PASSTHROUGH, recorder.mode());
      assertEquals(Path.of("target/annotated/PinnedByBuilder/annotationWins.yaml"), cassette);
    }
  }

  @ExtendWith(SampleServer.class)
  static class CustomClientAndMatcher {
    static final OkHttpClient BASE = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(42)).build();

    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder()
        .client(BASE)
        .matcher((recorded, live) -> recorded.method().equals(live.method()))
        .environment(FakeEnvironment.EMPTY)
        .build();

    /** The first repetition records; the second replays it for another URL, as the matcher allows. */
    @RepeatedTest(2)
    @UseCassette("any-get")
    void anyGet(OkHttpClient client, HttpUrl server, RepetitionInfo repetition) throws IOException {
      assertEquals(42_000, client.callTimeoutMillis());
      assertSame(BASE.dispatcher(), client.dispatcher());
      String path = repetition.getCurrentRepetition() == 1 ? "/first" : "/second";
      assertEquals("response to /first", get(client, server.resolve(path)));
    }
  }

  // ---- tests --------------------------------------------------------------------------------------

  private EngineExecutionResults run(Class<?> sample, String... parameters) {
    return SampleRuns.run(dir, server, sample, parameters);
  }

  private static List<String> failures(EngineExecutionResults results) {
    return SampleRuns.failureMessages(results);
  }

  private static String message(Event event) {
    return throwable(event).getMessage();
  }

  private static Throwable throwable(Event event) {
    return event.getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow();
  }

  private static List<String> reportEntries(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("cassette"))
        .collect(Collectors.toList());
  }

  private static List<String> urls(Path file) throws IOException {
    return Cassette.load(file).interactions().stream()
        .map(Interaction::request)
        .map(r -> r.method() + " " + r.url())
        .collect(Collectors.toList());
  }

  private void assertAllPassed(EngineExecutionResults results, int tests) {
    assertEquals(List.of(), failures(results));
    results.testEvents().assertStatistics(stats -> stats.started(tests).succeeded(tests));
  }

  @Test
  void recordsOnceThenReplaysOffline() throws IOException {
    assertAllPassed(run(Hello.class), 1);
    Path file = dir.resolve("Hello/hello.yaml");
    assertEquals(List.of("GET " + server.url("/hello")), urls(file));
    assertEquals(1, server.requestCount());

    server.close();
    assertAllPassed(run(Hello.class), 1);
    assertAllPassed(run(Hello.class, "cassette.mode", "replay"), 1);
    assertEquals(List.of("GET " + server.url("/hello")), urls(file));
  }

  @Test
  void missingCassetteInReplayNamesTheFileAndTheCommandThatRecordsIt() {
    EngineExecutionResults results = run(Hello.class, "cassette.mode", "replay");
    assertEquals(List.of("cassette not found: " + dir.resolve("Hello/hello.yaml").toAbsolutePath() + "\n"
        + "The mode is REPLAY_ONLY (configuration parameter cassette.mode), which replays only and never records.\n"
        + "Record it once with network access and real credentials, then commit the file:\n"
        + "  mvn test '-Dtest=CassetteExtensionTest$Hello#hello' -Dcassette.mode=record"), failures(results));
    assertEquals(CassetteNotFoundException.class, throwable(results.testEvents().failed().list().get(0)).getClass());
    assertEquals(0, server.requestCount());
  }

  @Test
  void missingCassetteWithAPinnedModeSaysToUnpinIt() {
    List<String> failures = failures(run(AnnotationOnly.class));
    assertEquals(1, failures.size());
    assertTrue(failures.get(0).startsWith("cassette not found: " + dir.resolve("pinned/replay.yaml").toAbsolutePath()), failures.get(0));
    assertTrue(failures.get(0).endsWith("The mode is REPLAY_ONLY (@UseCassette(mode = REPLAY_ONLY)), which replays only and never records.\n"
        + "Remove @UseCassette(mode = REPLAY_ONLY) from CassetteExtensionTest$AnnotationOnly#pinned, then record it with network access and real credentials:\n"
        + "  mvn test '-Dtest=CassetteExtensionTest$AnnotationOnly#pinned' -Dcassette.mode=record"), failures.get(0));
  }

  @Test
  void unknownModeFailsWithTheValidNames() {
    assertEquals(List.of("configuration parameter cassette.mode: unknown cassette mode 'bogus': "
        + "use one of record, replay, new-episodes, once, passthrough"),
        failures(run(Hello.class, "cassette.mode", "bogus")));
  }

  @Test
  void unusedInteractionsFailTheTestUnlessAllowed() throws IOException {
    assertAllPassed(run(TwoRequests.class), 1);
    assertEquals(List.of("GET " + server.url("/a"), "GET " + server.url("/b")), urls(dir.resolve("two.yaml")));
    server.close();

    EngineExecutionResults results = run(OneOfTwo.class);
    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
    assertEquals(List.of("1 recorded interaction was never replayed from " + dir.resolve("two.yaml").toAbsolutePath() + ":\n"
        + "  GET " + server.url("/b") + "\n"
        + "The code under test no longer sends them: re-record the cassette (mvn test '-Dtest=CassetteExtensionTest$OneOfTwo#strict' -Dcassette.mode=record), "
        + "or allow this with @UseCassette(allowUnused = true)."), failures(results));
  }

  @Test
  void allowRepeatsAnswersAgainAndReplayFailuresSayHowToReRecord() {
    assertAllPassed(run(Hello.class), 1);
    EngineExecutionResults results = run(HelloTwice.class, "cassette.mode", "replay");
    // repeats passes; pinned, wrapped and servesEachInteractionOnce ask for what the cassette lacks
    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(3));
    Throwable pinned = results.testEvents().failed().list().stream().map(CassetteExtensionTest::throwable)
        .filter(t -> t.getMessage().contains("HelloTwice#pinned")).findFirst().orElseThrow();
    assertTrue(pinned.getMessage().endsWith("\nTo fix it, record this test again against the real service, remove"
        + " @UseCassette(mode = REPLAY_ONLY) from CassetteExtensionTest$HelloTwice#pinned, then run:"
        + " mvn test '-Dtest=CassetteExtensionTest$HelloTwice#pinned' -Dcassette.mode=record"), pinned.getMessage());
    Throwable wrapped = results.testEvents().failed().list().stream().map(CassetteExtensionTest::throwable)
        .filter(t -> t.getMessage().contains("HelloTwice#wrapped")).findFirst().orElseThrow();
    assertTrue(wrapped.getMessage().contains("\n(The test got it wrapped in java.lang.IllegalStateException;"
        + " the stack trace is the outermost one's.)\n"), wrapped.getMessage());
    Throwable failure = results.testEvents().failed().list().stream().map(CassetteExtensionTest::throwable)
        .filter(t -> t.getMessage().contains("HelloTwice#servesEachInteractionOnce")).findFirst().orElseThrow();
    assertEquals(NoMatchingInteractionException.class, failure.getClass(), String.valueOf(failure));
    assertTrue(failure.getMessage().startsWith("No recorded interaction matches GET " + server.url("/hello")),
        failure.getMessage());
    assertTrue(failure.getMessage().endsWith("\nTo fix it, record this test again against the real service: mvn test"
        + " '-Dtest=CassetteExtensionTest$HelloTwice#servesEachInteractionOnce' -Dcassette.mode=record"),
        failure.getMessage());
    assertEquals(1, server.requestCount());
  }

  /**
   * The paid exchange survives the test's own failure, the console says where it is and why, and the
   * command it gives replays it.
   */
  @Test
  void aFailedTestKeepsWhatItRecordedAndSaysSoOnTheConsole() throws IOException {
    Path file = dir.resolve("Failing/recordsThenFails.yaml");
    ConsoleCapture console = new ConsoleCapture();
    EngineExecutionResults results = console.during(() -> run(Failing.class, "cassette.mode", "record"));
    assertEquals(List.of("boom"), failures(results));
    assertEquals(List.of("GET " + server.url("/hello")), urls(file));

    String notice = "CassetteExtensionTest$Failing#recordsThenFails failed after recording 1 interaction;"
        + " it is saved in " + file.toAbsolutePath() + " all the same, since recorded exchanges are real and may"
        + " have been paid for.\n"
        + "To replay it while you fix the test: mvn test '-Dtest=CassetteExtensionTest$Failing#recordsThenFails'"
        + " -Dcassette.mode=replay\n"
        + "If the recording itself is wrong, record the test again or restore the file from version control.";
    assertEquals(List.of(notice), reportEntries(results));
    assertTrue(console.stderr().contains("[cassette] " + notice.replace("\n", "\n[cassette] ") + "\n"),
        console.stderr());

    server.close();
    assertEquals(List.of("boom"), failures(run(Failing.class, "cassette.mode", "replay")));
    assertEquals(1, server.requestCount());
  }

  /** An error response is the likeliest wrong recording: the notice names it before it gets committed. */
  @Test
  void theNoticeNamesTheErrorResponsesAFailedTestRecorded() throws IOException {
    HttpServer limited = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    limited.createContext("/", exchange -> {
      byte[] body = "slow down".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/chat") ? 429 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    limited.start();
    String base = "http://127.0.0.1:" + limited.getAddress().getPort();
    EngineExecutionResults results;
    try {
      results = new ConsoleCapture().during(() -> run(RateLimited.class, SampleServer.PARAMETER, base + "/"));
    } finally {
      limited.stop(0);
    }
    assertEquals(List.of("rate limited ==> expected: <200> but was: <429>"), failures(results));
    Path file = dir.resolve("RateLimited/retriesOnce.yaml");
    assertEquals(List.of("GET " + base + "/models", "GET " + base + "/chat"), urls(file));
    assertEquals(List.of("CassetteExtensionTest$RateLimited#retriesOnce failed after recording 2 interactions;"
        + " they are saved in " + file.toAbsolutePath() + " all the same, since recorded exchanges are real and"
        + " may have been paid for.\n"
        + "1 of them is an error response, and will replay as one: 429 GET " + base + "/chat\n"
        + "To replay them while you fix the test: mvn test '-Dtest=CassetteExtensionTest$RateLimited#retriesOnce'"
        + " -Dcassette.mode=replay\n"
        + "If the recording itself is wrong, record the test again or restore the file from version control."),
        reportEntries(results));
  }

  /** Saving what a failed test did not record would replace a good cassette with an empty one. */
  @Test
  void aTestThatFailsBeforeRecordingLeavesTheCassetteAsItWas() throws IOException {
    assertAllPassed(run(Hello.class), 1);
    Path file = dir.resolve("Hello/hello.yaml");
    String before = Files.readString(file);
    ConsoleCapture console = new ConsoleCapture();
    EngineExecutionResults results = console.during(() -> run(FailsBeforeCalling.class, "cassette.mode", "record"));
    assertEquals(List.of("before any call"), failures(results));
    assertEquals(before, Files.readString(file));
    String notice = "CassetteExtensionTest$FailsBeforeCalling#failsFirst failed before recording anything, so"
        + " nothing was saved: " + file.toAbsolutePath() + " is as it was.";
    assertEquals(List.of(notice), reportEntries(results));
    assertTrue(console.stderr().contains("[cassette] " + notice + "\n"), console.stderr());
  }

  @Test
  void nestedClassesNameCassettesAfterTheirEnclosingClasses() throws IOException {
    assertAllPassed(run(Outer.class), 2);
    assertEquals(List.of("GET " + server.url("/inner")), urls(dir.resolve("Outer/Inner/defaultName.yaml")));
    assertEquals(List.of("GET " + server.url("/named")), urls(dir.resolve("named.yaml")));
  }

  @Test
  void aNestedClassMayConfigureItsOwnExtension() {
    assertAllPassed(run(OuterConfigured.class), 1);
  }

  @Test
  void parameterizedAndRepeatedInvocationsGetACassetteEach() throws IOException {
    assertAllPassed(run(Templates.class), 6);
    assertEquals(List.of("GET " + server.url("/x")), urls(dir.resolve("Templates/parameterized-1.yaml")));
    assertEquals(List.of("GET " + server.url("/y")), urls(dir.resolve("Templates/parameterized-2.yaml")));
    for (int i = 1; i <= 3; i++) {
      assertEquals(List.of("GET " + server.url("/repeated")), urls(dir.resolve("Templates/repeated-" + i + ".yaml")));
    }
    server.close();
    assertAllPassed(run(Templates.class, "cassette.mode", "replay"), 6);
  }

  @Test
  void parallelTestsOnOneCassetteTakeTurns() throws IOException {
    SharedInParallel.holders.set(0);
    SharedInParallel.mostHolders.set(0);
    SharedInParallel.unsharedTogether = new CountDownLatch(2);
    EngineExecutionResults results = run(SharedInParallel.class,
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
    assertAllPassed(results, 6);
    assertEquals(1, SharedInParallel.mostHolders.get(), "tests on one cassette overlapped");
    // The first of a, b, c, d records "shared"; the others find it saved and replay it.
    assertEquals(List.of("GET " + server.url("/shared")), urls(dir.resolve("shared.yaml")));
    assertEquals(List.of("GET " + server.url("/shared")), urls(dir.resolve("SharedInParallel/e.yaml")));
    assertEquals(List.of("GET " + server.url("/shared")), urls(dir.resolve("SharedInParallel/f.yaml")));
    assertEquals(3, server.requestCount());
  }

  @Test
  void replaysOnlyByDefaultUnderCi() {
    List<String> failures = failures(run(UnderCi.class));
    assertEquals(1, failures.size());
    assertTrue(failures.get(0).contains("The mode is REPLAY_ONLY (the default while the environment variable CI is set)"),
        failures.get(0));
  }

  @Test
  void builderSettingsOverrideTheEnvironmentAndAnnotationsOverrideTheBuilder() {
    assertAllPassed(run(PinnedByBuilder.class), 2);
  }

  @Test
  void theBuildersClientAndMatcherAreUsed() throws IOException {
    assertAllPassed(run(CustomClientAndMatcher.class), 2);
    assertEquals(List.of("GET " + server.url("/first")), urls(dir.resolve("any-get.yaml")));
    assertEquals(1, server.requestCount());
  }

  @Test
  void theBuildersRedactionDecidesWhatReachesTheFile() throws IOException {
    assertAllPassed(run(CustomRedaction.class), 1);
    String saved = Files.readString(dir.resolve("traced.yaml"));
    assertTrue(saved.contains("      X-Trace-Id:\n      - trace-1\n"), saved);
    assertFalse(saved.contains("sk-secret"), saved);
  }

  @Test
  void beforeEachMethodsGetTheTestsObjects() {
    assertAllPassed(run(BeforeEachSharesTheSession.class), 1);
  }

  @Test
  void testsThatAskForNoCassetteTouchNoFile() throws IOException {
    assertAllPassed(run(NoCassetteParameters.class), 1);
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.collect(Collectors.toList()));
    }
  }
}
