package dev.cassette.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.junit5.standin.StandIn;
import dev.cassette.server.CassetteServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The clients a test can take besides OkHttp ({@code java.net.http} and a {@link CassetteServer}), the
 * warning for a recording that nothing went through, the replay guard, and the settings that reach the
 * recorder (size limit, hooks, ignored hosts). Samples run through the engine test kit against a live
 * {@link StandIn} on loopback.
 */
class ClientWiringTest {
  /** A host that must never be looked up: the guard refuses it before any DNS query. */
  static final String FOREIGN = "api.cassette-guard.invalid";

  @TempDir Path dir;

  private StandIn server;

  @BeforeEach
  void startServer() throws Exception {
    server = StandIn.start(request -> new StandIn.Answer("text/plain", "response to " + request.path()));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  static String send(HttpClient client, URI uri) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString()).body();
  }

  static String get(OkHttpClient client, String url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.body().string();
    }
  }

  // ---- A: java.net.http -----------------------------------------------------------------------------

  @ExtendWith(SampleServer.class)
  static class JdkClient {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtensionTest.isolated();

    @Test
    @UseCassette("jdk")
    void sends(HttpClient client, HttpUrl server) throws Exception {
      assertEquals("response to /jdk", send(client, server.resolve("/jdk").uri()));
    }
  }

  @Test
  void aJdkClientRecordsThenReplaysWithoutTheServer() throws IOException {
    assertAllPassed(run(JdkClient.class, "cassette.mode", "record"), 1);
    assertEquals(1, server.requestCount());
    assertEquals(List.of("GET " + server.url("/jdk")), urls(dir.resolve("jdk.yaml")));

    assertAllPassed(run(JdkClient.class, "cassette.mode", "replay"), 1);
    assertEquals(1, server.requestCount(), "replayed without the server");
  }

  @ExtendWith(SampleServer.class)
  static class JdkBuilder {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtensionTest.isolated();

    @Test
    @UseCassette(value = "builder", mode = Mode.RECORD_ONLY)
    void builds(HttpClient.Builder builder, HttpUrl server) throws Exception {
      HttpClient client = builder.connectTimeout(Duration.ofSeconds(7)).build();
      assertEquals(Duration.ofSeconds(7), client.connectTimeout().orElseThrow(), "the framework's settings count");
      assertEquals("response to /built", send(client, server.resolve("/built").uri()));
    }
  }

  @Test
  void aJdkBuilderBuildsAClientWiredToTheCassette() throws IOException {
    assertAllPassed(run(JdkBuilder.class), 1);
    assertEquals(List.of("GET " + server.url("/built")), urls(dir.resolve("builder.yaml")));
  }

  @ExtendWith(SampleServer.class)
  static class ConfiguredJdkClient {
    static final HttpClient BASE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(42)).build();

    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder()
        .environment(FakeEnvironment.EMPTY)
        .jdkClient(BASE)
        .build();

    @Test
    @UseCassette(value = "configured", mode = Mode.RECORD_ONLY)
    void wrapsTheBase(HttpClient client, HttpUrl server) throws Exception {
      assertEquals(Duration.ofSeconds(42), client.connectTimeout().orElseThrow());
      assertEquals("response to /configured", send(client, server.resolve("/configured").uri()));
    }
  }

  @Test
  void theBuilderSetsTheBaseJdkClient() throws IOException {
    assertAllPassed(run(ConfiguredJdkClient.class), 1);
    assertEquals(1, urls(dir.resolve("configured.yaml")).size());
  }

  // ---- B: silence ----------------------------------------------------------------------------------

  @ExtendWith(SampleServer.class)
  static class BuildsItsOwnClient {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtensionTest.isolated();

    @Test
    @UseCassette(value = "silent", mode = Mode.RECORD_ONLY)
    void ignoresTheInjectedClient(OkHttpClient injected, HttpUrl server) throws IOException {
      // The code under test builds its own client: the request reaches the server, and no cassette.
      assertEquals("response to /own", get(new OkHttpClient(), server.resolve("/own").toString()));
    }

    @Test
    @UseCassette(value = "used", mode = Mode.RECORD_ONLY)
    void usesTheInjectedClient(HttpClient injected, HttpUrl server) throws Exception {
      send(injected, server.resolve("/used").uri());
    }

    @Test
    @UseCassette(value = "unbuilt", mode = Mode.RECORD_ONLY)
    void neverBuildsTheInjectedBuilder(HttpClient.Builder injected, HttpUrl server) throws Exception {
      send(HttpClient.newHttpClient(), server.resolve("/own").uri());
    }
  }

  @Test
  void aRecordingThatNothingWentThroughSaysSo() {
    ConsoleCapture console = new ConsoleCapture();
    EngineExecutionResults results = console.during(() -> run(BuildsItsOwnClient.class));
    assertAllPassed(results, 3);
    List<String> notices = reportEntries(results);
    assertEquals(2, notices.size(), notices.toString());
    assertTrue(notices.stream()
        .anyMatch(n -> n.contains("#neverBuildsTheInjectedBuilder asked for HttpClient.Builder while")),
        notices.toString());
    String notice = notices.stream().filter(n -> n.contains("#ignoresTheInjectedClient")).findFirst().orElseThrow();
    assertTrue(notice.startsWith("ClientWiringTest$BuildsItsOwnClient#ignoresTheInjectedClient asked for"
        + " OkHttpClient while recording, but sent no request through it: "), notice);
    assertTrue(notice.contains(dir.resolve("silent.yaml").toString()), notice);
    assertTrue(notice.contains("the code under test builds its own HTTP client"), notice);
    assertTrue(notice.contains("docs/clients.md"), notice);
    assertTrue(console.stderr().contains("[cassette] ClientWiringTest$BuildsItsOwnClient#ignoresTheInjectedClient"),
        console.stderr());
  }

  // ---- D: the replay guard ---------------------------------------------------------------------------

  /** Replay-only tests that take no cassette parameter: the guard needs no cassette file. */
  @ExtendWith(SampleServer.class)
  @UseCassette(mode = Mode.REPLAY_ONLY)
  static class Unwired {
    OkHttpClient builtBeforeEach;

    @BeforeEach
    void buildAClientTheTestWillUse() {
      builtBeforeEach = new OkHttpClient();
    }

    @Test
    void jdkClient() {
      HttpClient own = HttpClient.newHttpClient();
      IOException e = assertThrows(IOException.class, () -> send(own, URI.create("https://" + FOREIGN + "/v1/chat")));
      assertRefusal(e);
    }

    @Test
    void okHttpClient() {
      IOException e = assertThrows(IOException.class, () -> get(new OkHttpClient(), "https://" + FOREIGN + "/v1/chat"));
      assertRefusal(e);
    }

    @Test
    void okHttpClientBuiltInBeforeEach() {
      IOException e = assertThrows(IOException.class, () -> get(builtBeforeEach, "http://" + FOREIGN + "/v1/chat"));
      assertRefusal(e);
    }

    @Test
    void httpUrlConnection() throws IOException {
      URL url = URI.create("https://" + FOREIGN + "/v1/chat").toURL();
      IOException e = assertThrows(IOException.class, () -> {
        try (InputStream in = url.openConnection().getInputStream()) {
          in.readAllBytes();
        }
      });
      assertRefusal(e);
    }

    @Test
    void loopbackStaysReachable(HttpUrl server) throws Exception {
      assertEquals("response to /local", send(HttpClient.newHttpClient(), server.resolve("/local").uri()));
    }

    static void assertRefusal(IOException e) {
      String message = String.valueOf(e.getMessage());
      assertTrue(message.contains("cassette: refused a request to " + FOREIGN), message);
      assertTrue(message.contains("CassetteInterceptor"), message);
    }
  }

  @Test
  void aReplayOnlyTestRefusesEveryUnwiredClientAndRestoresTheProxySelector() {
    ProxySelector before = ProxySelector.getDefault();
    ConsoleCapture console = new ConsoleCapture();
    EngineExecutionResults results = console.during(() -> run(Unwired.class));
    assertAllPassed(results, 5);
    assertSame(before, ProxySelector.getDefault());
    List<String> notices = reportEntries(results);
    assertEquals(4, notices.size(), notices.toString());
    for (String notice : notices) {
      assertTrue(notice.startsWith("the replay guard refused 1 request from an HTTP client not wired to the"
          + " cassette"), notice);
      assertTrue(notice.contains(FOREIGN), notice);
      assertFalse(notice.contains("?"), "no query, which may hold a key: " + notice);
    }
  }

  @Test
  void theGuardHoldsUnderParallelExecutionAndIsRestoredAfter() {
    ProxySelector before = ProxySelector.getDefault();
    for (int round = 0; round < 3; round++) {
      assertAllPassed(run(Unwired.class,
          "junit.jupiter.execution.parallel.enabled", "true",
          "junit.jupiter.execution.parallel.mode.default", "concurrent",
          "junit.jupiter.execution.parallel.config.strategy", "fixed",
          "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"), 5);
      assertSame(before, ProxySelector.getDefault());
    }
  }

  @ExtendWith(SampleServer.class)
  static class RefusesLoopback {
    @Test
    @UseCassette(mode = Mode.REPLAY_ONLY, refuseLoopback = true)
    void refused(HttpUrl server) {
      IOException e = assertThrows(IOException.class,
          () -> send(HttpClient.newHttpClient(), server.resolve("/local").uri()));
      assertTrue(e.getMessage().contains("cassette: refused a request to localhost"), e.getMessage());
    }

    @Test
    @UseCassette(mode = Mode.REPLAY_ONLY, refuseLoopback = true, ignoreHosts = "localhost")
    void letThroughAsIgnored(HttpUrl server) throws Exception {
      assertEquals("response to /ignored", send(HttpClient.newHttpClient(), server.resolve("/ignored").uri()));
    }

    @Test
    @UseCassette(mode = Mode.RECORD_ONLY, value = "recording", refuseLoopback = true)
    void notGuardedWhileRecording(HttpUrl server) throws Exception {
      assertEquals("response to /recording", send(HttpClient.newHttpClient(), server.resolve("/recording").uri()));
    }
  }

  @Test
  void loopbackCanBeRefusedAndHostsLetThrough() {
    assertAllPassed(run(RefusesLoopback.class), 3);
    assertEquals(2, server.requestCount());
  }

  // ---- C: CassetteServer ---------------------------------------------------------------------------

  @ExtendWith(SampleServer.class)
  static class ThroughTheServer {
    static CassetteServer used;

    @Test
    @UseCassette(value = "anthropic/simple", dir = "../fixtures", mode = Mode.REPLAY_ONLY,
        upstream = "https://api.anthropic.com")
    void replays(CassetteServer server, Recorder recorder) throws Exception {
      used = server;
      dev.cassette.core.Request recorded = recorder.cassette().interactions().get(0).request();
      HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/messages"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(recorded.body().text()))
          .build();
      String body = HttpClient.newHttpClient().send(request, BodyHandlers.ofString()).body();
      assertTrue(body.contains("Olá!"), body);
    }
  }

  @Test
  void aServerParameterReplaysAndIsClosedAfterTheTest() {
    assertAllPassed(run(ThroughTheServer.class), 1);
    URI base = ThroughTheServer.used.baseUri();
    assertThrows(ConnectException.class, () -> send(HttpClient.newHttpClient(), base.resolve("/v1/messages")));
  }

  @ExtendWith(SampleServer.class)
  static class ServerWithoutUpstream {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtensionTest.isolated();

    @Test
    @UseCassette(value = "no-upstream", mode = Mode.RECORD_ONLY)
    void test(CassetteServer server) {}
  }

  @Test
  void aServerWithoutUpstreamSaysWhatToAdd() {
    List<String> failures = failures(run(ServerWithoutUpstream.class));
    assertEquals(1, failures.size());
    assertTrue(failures.get(0).contains("add @UseCassette(upstream = \"https://api.example.com\")"), failures.get(0));
  }

  // ---- E: size limit -------------------------------------------------------------------------------

  @ExtendWith(SampleServer.class)
  static class SizeLimits {
    @Test
    @UseCassette(value = "anthropic/simple", dir = "../fixtures", mode = Mode.REPLAY_ONLY, maxBytes = 100)
    void byAnnotation(Recorder recorder) {}

    @Test
    @UseCassette(value = "anthropic/simple", dir = "../fixtures", mode = Mode.REPLAY_ONLY, maxBytes = 1_000_000,
        allowUnused = true)
    void raised(Recorder recorder) {
      assertEquals(1, recorder.cassette().interactions().size());
    }
  }

  @ExtendWith(SampleServer.class)
  static class SizeLimitByBuilder {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder()
        .environment(FakeEnvironment.EMPTY).maxCassetteBytes(100).build();

    @Test
    @UseCassette(value = "anthropic/simple", dir = "../fixtures", mode = Mode.REPLAY_ONLY)
    void byBuilder(Recorder recorder) {}
  }

  @Test
  void theSizeLimitIsSetFromTheAnnotationOrTheBuilder() {
    EngineExecutionResults annotated = run(SizeLimits.class);
    annotated.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    List<String> failures = failures(annotated);
    failures.addAll(failures(run(SizeLimitByBuilder.class)));
    assertEquals(2, failures.size(), failures.toString());
    for (String failure : failures) {
      assertTrue(failure.contains("over the limit of 100 bytes"), failure);
      assertTrue(failure.contains("@UseCassette(maxBytes = n) on ClientWiringTest$"), failure);
    }
  }

  // ---- F: hooks and ignored hosts ------------------------------------------------------------------

  @ExtendWith(SampleServer.class)
  static class Hooks {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder()
        .environment(FakeEnvironment.EMPTY)
        .beforeSave(i -> Interaction.of(i.request(), i.response().toBuilder().body("saved by the hook").build()))
        .beforeReplay(i -> Interaction.of(i.request(), i.response().toBuilder().body("replayed by the hook").build()))
        .build();

    @Test
    @UseCassette("hooked")
    void sends(HttpClient client, HttpUrl server) throws Exception {
      String body = send(client, server.resolve("/hooked").uri());
      assertTrue(body.equals("response to /hooked") || body.equals("replayed by the hook"), body);
    }
  }

  @Test
  void hooksFromTheBuilderReachTheRecorder() throws IOException {
    assertAllPassed(run(Hooks.class, "cassette.mode", "record"), 1);
    assertEquals("saved by the hook",
        Cassette.load(dir.resolve("hooked.yaml")).interactions().get(0).response().body().text());
    assertAllPassed(run(Hooks.class, "cassette.mode", "replay"), 1);
    assertEquals(1, server.requestCount());
  }

  @ExtendWith(SampleServer.class)
  static class IgnoredHost {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtension.builder()
        .environment(FakeEnvironment.EMPTY).ignoreHosts("localhost").build();

    @Test
    @UseCassette(value = "ignored", mode = Mode.RECORD_ONLY)
    void sends(OkHttpClient client, HttpClient jdk, HttpUrl server) throws Exception {
      assertEquals("response to /a", get(client, server.resolve("/a").toString()));
      assertEquals("response to /b", send(jdk, server.resolve("/b").uri()));
    }
  }

  @Test
  void anIgnoredHostReachesTheNetworkAndIsNotRecorded() throws IOException {
    run(IgnoredHost.class);
    assertEquals(2, server.requestCount());
    assertEquals(List.of(), urls(dir.resolve("ignored.yaml")));
  }

  // ---- plumbing ------------------------------------------------------------------------------------

  private EngineExecutionResults run(Class<?> sample, String... parameters) {
    return SampleRuns.run(dir, server, sample, parameters);
  }

  private static List<String> failures(EngineExecutionResults results) {
    return SampleRuns.failureMessages(results);
  }

  private static List<String> reportEntries(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("cassette"))
        .collect(Collectors.toList());
  }

  private static List<String> urls(Path file) throws IOException {
    assertTrue(Files.exists(file), file.toString());
    return Cassette.load(file).interactions().stream()
        .map(i -> i.request().method() + " " + i.request().url())
        .collect(Collectors.toList());
  }

  private static void assertAllPassed(EngineExecutionResults results, int tests) {
    assertEquals(List.of(), failures(results));
    results.testEvents().assertStatistics(stats -> stats.started(tests).succeeded(tests));
  }
}
