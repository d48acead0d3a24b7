package dev.cassette.core;

import static dev.cassette.core.Exchanges.cassette;
import static dev.cassette.core.Exchanges.get;
import static dev.cassette.core.Exchanges.interaction;
import static dev.cassette.core.Exchanges.ok;
import static dev.cassette.core.Exchanges.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing in every mode, on cassettes built in memory ({@link Recorder.Builder#cassette}); saving is
 * covered by {@link RecorderFileTest}.
 */
class RecorderTest {
  @TempDir Path dir;

  private final Interaction models = interaction(get("https://api.example.com/v1/models"), "models");
  private final Interaction chat = interaction(post("https://api.example.com/v1/chat", "{\"q\":1}"), "answer");
  private final Cassette loaded = cassette(models, chat);

  private Path file() {
    return dir.resolve("cassette.yaml");
  }

  private Recorder recorder(Mode mode, Cassette preloaded) {
    Recorder.Builder b = Recorder.builder(file()).mode(mode);
    if (preloaded != null) b.cassette(preloaded);
    return b.build();
  }

  @Test
  void defaults() {
    Recorder recorder = Recorder.builder(file()).build();
    assertEquals(Mode.RECORD_ONCE, recorder.mode());
    assertEquals(Pacing.INSTANT, recorder.pacing());
    assertEquals(file(), recorder.path());
    assertTrue(recorder.isRecording(), "record once with no file records");
  }

  @Test
  void replayOnlyServesRecordedInteractions() throws Exception {
    Recorder recorder = recorder(Mode.REPLAY_ONLY, loaded);
    assertFalse(recorder.isRecording());
    Route route = recorder.route(post("https://api.example.com/v1/chat", "{\"q\":1}"));
    assertTrue(route.isReplay());
    assertFalse(route.shouldRecord());
    assertSame(chat, route.interaction());
  }

  @Test
  void replayOnlyRefusesUnmatchedRequests() {
    Recorder recorder = recorder(Mode.REPLAY_ONLY, loaded);
    assertThrows(NoMatchingInteractionException.class,
        () -> recorder.route(get("https://api.example.com/v1/other")));
  }

  @Test
  void replayOnlyWithMissingFileNamesThePathAndHowToRecord() {
    CassetteNotFoundException e = assertThrows(CassetteNotFoundException.class,
        () -> Recorder.builder(file()).mode(Mode.REPLAY_ONLY).build());
    assertEquals(file(), e.path());
    assertTrue(e.getMessage().contains(file().toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("-Dcassette.mode=record"), e.getMessage());
  }

  @Test
  void replayOnlyNeverSavesAndNeverRecords() {
    Recorder recorder = recorder(Mode.REPLAY_ONLY, loaded);
    assertThrows(IllegalStateException.class, () -> recorder.record(get("https://x.test/"), ok("x")));
    recorder.stop();
    assertFalse(Files.exists(file()));
  }

  @Test
  void recordOnceWithExistingCassetteBehavesAsReplayOnly() throws Exception {
    Recorder recorder = recorder(Mode.RECORD_ONCE, loaded);
    assertFalse(recorder.isRecording());
    assertSame(models, recorder.route(get("https://api.example.com/v1/models")).interaction());
    assertThrows(NoMatchingInteractionException.class, () -> recorder.route(get("https://api.example.com/new")));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> recorder.record(get("https://api.example.com/new"), ok("x")));
    assertTrue(e.getMessage().contains("does not record"), e.getMessage());
    recorder.stop();
    assertFalse(Files.exists(file()), "record once does not save over an existing cassette");
  }

  @Test
  void recordOnceWithoutCassetteRecordsEverything() throws Exception {
    Recorder recorder = recorder(Mode.RECORD_ONCE, null);
    assertTrue(recorder.isRecording());
    Request request = get("https://api.example.com/v1/models");
    Route route = recorder.route(request);
    assertFalse(route.isReplay());
    assertTrue(route.shouldRecord());
    recorder.record(request, ok("models"));
    // the same request again goes to the network: what this session records is not replayed in it
    assertTrue(recorder.route(request).shouldRecord());
    recorder.record(request, ok("models again"));
    assertEquals(List.of("models", "models again"), bodies(recorder.cassette()));
  }

  @Test
  void newEpisodesReplaysMatchesAndAppendsTheRest() throws Exception {
    Cassette indented = loaded.toBuilder().layout(Layout.INDENTED).profile(FieldProfile.LEGACY).build();
    Recorder recorder = recorder(Mode.REPLAY_WITH_NEW_EPISODES, indented);
    assertTrue(recorder.isRecording());
    assertSame(chat, recorder.route(post("https://api.example.com/v1/chat", "{\"q\":1}")).interaction());
    Request fresh = get("https://api.example.com/v1/new");
    Route route = recorder.route(fresh);
    assertFalse(route.isReplay());
    assertTrue(route.shouldRecord());
    recorder.record(fresh, ok("new"));

    Cassette now = recorder.cassette();
    assertEquals(List.of("models", "answer", "new"), bodies(now));
    assertEquals(List.of("new"), bodies(recorder.recordedInteractions()), "only what this recorder added");
    assertEquals(Layout.INDENTED, now.layout());
    assertEquals(FieldProfile.LEGACY, now.profile());
  }

  @Test
  void recordOnlyIgnoresTheExistingCassette() throws Exception {
    Recorder recorder = recorder(Mode.RECORD_ONLY, loaded);
    assertTrue(recorder.isRecording());
    Route route = recorder.route(get("https://api.example.com/v1/models"));
    assertFalse(route.isReplay(), "record only never replays");
    assertTrue(route.shouldRecord());
    assertTrue(recorder.cassette().interactions().isEmpty());
    assertTrue(recorder.unusedInteractions().isEmpty());
    assertEquals(Layout.COMPACT, recorder.cassette().layout());
  }

  @Test
  void passthroughNeitherReplaysNorRecords() throws Exception {
    Recorder recorder = recorder(Mode.PASSTHROUGH, loaded);
    assertFalse(recorder.isRecording());
    Route route = recorder.route(get("https://api.example.com/v1/models"));
    assertFalse(route.isReplay());
    assertFalse(route.shouldRecord());
    assertNull(route.interaction());
    assertTrue(recorder.cassette().interactions().isEmpty());
    assertThrows(IllegalStateException.class, () -> recorder.record(get("https://x.test/"), ok("x")));
    recorder.stop();
    assertFalse(Files.exists(file()));
  }

  @Test
  void eachInteractionIsServedOnceInFileOrder() throws Exception {
    Request same = post("https://api.example.com/v1/chat", "{\"q\":1}");
    Recorder recorder = recorder(Mode.REPLAY_ONLY,
        cassette(interaction(same, "first"), models, interaction(same, "second")));
    assertEquals("first", replayedBody(recorder, same));
    assertEquals("second", replayedBody(recorder, same));
    NoMatchingInteractionException e =
        assertThrows(NoMatchingInteractionException.class, () -> recorder.route(same));
    assertTrue(e.getMessage().contains("already replayed"), e.getMessage());
  }

  @Test
  void servedInteractionsLeaveTheirGroupFromAnyPlace() throws Exception {
    // Keyed by URL only, so one group holds all four and the body decides within it.
    Matcher urlThenBody = Matchers.url().and((recorded, live) -> recorded.body().equals(live.body()));
    String url = "https://api.example.com/v1/chat";
    Recorder recorder = Recorder.builder(file()).mode(Mode.REPLAY_ONLY).matcher(urlThenBody)
        .cassette(cassette(interaction(post(url, "A"), "a1"), interaction(post(url, "B"), "b"),
            interaction(post(url, "A"), "a2"), interaction(post(url, "C"), "c")))
        .build();
    assertEquals("b", replayedBody(recorder, post(url, "B")));
    assertEquals("a1", replayedBody(recorder, post(url, "A")));
    assertEquals("c", replayedBody(recorder, post(url, "C")));
    assertEquals("a2", replayedBody(recorder, post(url, "A")));
    assertThrows(NoMatchingInteractionException.class, () -> recorder.route(post(url, "A")));
  }

  @Test
  void manyIdenticalRequestsAreServedInFileOrder() throws Exception {
    Request poll = get("https://api.example.com/v1/batches/42");
    Cassette.Builder polls = Cassette.builder();
    int n = 20_000;
    for (int i = 0; i < n; i++) polls.add(interaction(poll, "poll " + i));
    Recorder recorder = recorder(Mode.REPLAY_ONLY, polls.build());
    for (int i = 0; i < n; i++) assertEquals("poll " + i, replayedBody(recorder, poll));
    assertEquals(List.of(), recorder.unusedInteractions());
  }

  @Test
  void allowRepeatsServesTheFirstMatchEveryTime() throws Exception {
    Request same = post("https://api.example.com/v1/chat", "{\"q\":1}");
    Recorder recorder = Recorder.builder(file()).mode(Mode.REPLAY_ONLY).allowRepeats(true)
        .cassette(cassette(interaction(same, "first"), interaction(same, "second"))).build();
    for (int i = 0; i < 3; i++) assertEquals("first", replayedBody(recorder, same));
    assertEquals(List.of("second"), bodies(recorder.unusedInteractions()));
  }

  @Test
  void unusedInteractionsAreThoseNeverReplayed() throws Exception {
    Recorder recorder = recorder(Mode.REPLAY_ONLY, loaded);
    assertEquals(List.of(models, chat), recorder.unusedInteractions());
    recorder.route(get("https://api.example.com/v1/models"));
    assertEquals(List.of(chat), recorder.unusedInteractions());
  }

  @Test
  void indexFindsEveryInteractionOfALargeCassette() throws Exception {
    // every request goes to the same URL, as with LLM APIs: only the body tells them apart
    Cassette.Builder big = Cassette.builder();
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      big.add(interaction(post("https://api.example.com/v1/chat", "{\"n\":" + i + ",\"m\":\"x\"}"), "r" + i));
    }
    Recorder recorder = recorder(Mode.REPLAY_ONLY, big.build());
    for (int i = n - 1; i >= 0; i -= 7) {
      // key order and number spelling differ from the recording, as a JSON-aware match allows
      assertEquals("r" + i, replayedBody(recorder, post("https://api.example.com/v1/chat",
          "{\"m\":\"x\",\"n\":" + i + ".0}")));
    }
    assertThrows(NoMatchingInteractionException.class,
        () -> recorder.route(post("https://api.example.com/v1/chat", "{\"n\":" + n + ",\"m\":\"x\"}")));
  }

  @Test
  void matcherWithoutIndexKeyFallsBackToScanning() throws Exception {
    Matcher sameHost = (recorded, live) -> recorded.url().startsWith(live.url().substring(0, 20));
    Recorder recorder = Recorder.builder(file()).mode(Mode.REPLAY_ONLY).matcher(sameHost)
        .cassette(cassette(interaction(get("https://one.example/a"), "one"),
            interaction(get("https://two.example/b"), "two")))
        .build();
    assertEquals("two", replayedBody(recorder, get("https://two.example/zzz")));
    assertEquals("one", replayedBody(recorder, get("https://one.example/zzz")));
  }

  @Test
  void recordedHeaderNamesAreCanonical() {
    Recorder recorder = recorder(Mode.RECORD_ONLY, null);
    Request request = Request.builder().url("https://x.test/").headers(Multimap.of("content-type", "a/b")).build();
    recorder.record(request, Response.builder().headers(Multimap.of("content-TYPE", "c/d")).build());
    Interaction recorded = recorder.cassette().interactions().get(0);
    assertEquals(List.of("a/b"), recorded.request().headers().get("Content-Type"));
    assertEquals(List.of("c/d"), recorded.response().headers().get("Content-Type"));
  }

  @Test
  void stopIsIdempotentAndEndsTheSession() {
    Recorder recorder = recorder(Mode.REPLAY_ONLY, loaded);
    recorder.stop();
    recorder.close();
    IllegalStateException route = assertThrows(IllegalStateException.class,
        () -> recorder.route(get("https://api.example.com/v1/models")));
    assertTrue(route.getMessage().contains("stopped"), route.getMessage());
    assertTrue(route.getMessage().contains(file().toString()), route.getMessage());
    Recorder recording = recorder(Mode.PASSTHROUGH, null);
    recording.close();
    assertThrows(IllegalStateException.class, () -> recording.route(get("https://x.test/")));
    assertThrows(IllegalStateException.class, () -> recording.record(get("https://x.test/"), ok("x")));
  }

  @Test
  void sixteenThreadsRecordAllInteractionsInCompletionOrder() throws Exception {
    Recorder recorder = recorder(Mode.RECORD_ONLY, null);
    int threads = 16;
    int perThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < perThread; i++) {
          Request request = get("https://api.example.com/t" + thread + "/" + i);
          assertTrue(recorder.route(request).shouldRecord());
          recorder.record(request, ok(thread + "/" + i));
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : futures) f.get(30, TimeUnit.SECONDS);
    pool.shutdown();

    List<Interaction> all = recorder.cassette().interactions();
    assertEquals(threads * perThread, all.size());
    int[] next = new int[threads];
    for (Interaction interaction : all) {
      String[] parts = interaction.response().body().text().split("/");
      int thread = Integer.parseInt(parts[0]);
      assertEquals(next[thread]++, Integer.parseInt(parts[1]), "each thread's exchanges in the order recorded");
    }
    for (int t = 0; t < threads; t++) assertEquals(perThread, next[t]);
  }

  private static String replayedBody(Recorder recorder, Request request) throws Exception {
    Route route = recorder.route(request);
    assertTrue(route.isReplay(), () -> request + " should replay");
    return route.interaction().response().body().text();
  }

  private static List<String> bodies(Cassette cassette) {
    return bodies(cassette.interactions());
  }

  private static List<String> bodies(List<Interaction> interactions) {
    List<String> out = new ArrayList<>();
    for (Interaction i : interactions) out.add(i.response().body().text());
    return out;
  }
}
