package dev.cassette.junit5;

import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * One test's use of one cassette: the recorder, the clients wired to it, and the lock that keeps every
 * other test off the same file until this one is finished.
 */
final class CassetteSession {
  private final TestCassette cassette;
  private final Recorder recorder;
  private final Semaphore lock;
  /** Whatever the adapters injected so far, by parameter type; a test's parameters resolve on one thread. */
  private final Map<Class<?>, Object> clients = new HashMap<>();
  /** The parameter types the test asked for, by simple name, in order: what a notice calls them. */
  private final Set<String> asked = new LinkedHashSet<>();
  /** What the adapters started for this test (servers), closed before the cassette is saved. */
  private final Deque<AutoCloseable> closeFirst = new ArrayDeque<>();

  CassetteSession(TestCassette cassette, Recorder recorder, Semaphore lock) {
    this.cassette = cassette;
    this.recorder = recorder;
    this.lock = lock;
  }

  TestCassette cassette() {
    return cassette;
  }

  Recorder recorder() {
    return recorder;
  }

  /**
   * The client object of {@code type} wired to this test's recorder, made by its adapter on first use.
   *
   * @param configured base clients from the extension's builder, by client type name
   * @param run the run's store, for what tests share
   * @param test the test's store, which closes what an adapter started even if {@link #finish} never runs
   */
  Object client(Class<?> type, CassetteClients.Registration adapter, Map<String, Object> configured,
      ExtensionContext.Store run, ExtensionContext.Store test) {
    Class<?> outer = type.getEnclosingClass();
    asked.add(outer == null ? type.getSimpleName() : outer.getSimpleName() + "." + type.getSimpleName());
    Object client = clients.get(type);
    if (client == null) {
      clients.putAll(adapter.wire(new ClientAdapter.Wiring(recorder, configured.get(adapter.clientType()),
          cassette.network().upstream(), run, resource -> closeAfterTest(resource, test))));
      client = clients.get(type);
    }
    return client;
  }

  /** As mockwebserver3-junit5 does: in the test's store, closed by JUnit at the latest. */
  @SuppressWarnings("deprecation") // CloseableResource: AutoCloseable values are closed from JUnit 5.13 only
  private void closeAfterTest(AutoCloseable resource, ExtensionContext.Store test) {
    closeFirst.push(resource);
    test.put(resource, (ExtensionContext.Store.CloseableResource) resource::close);
  }

  /** Closes what the adapters started, newest first, so a server records its requests in flight. */
  private void closeStarted() {
    RuntimeException failure = null;
    while (!closeFirst.isEmpty()) {
      try {
        closeFirst.pop().close();
      } catch (Exception e) {
        if (failure == null) failure = new IllegalStateException("cannot close what the test used: " + e, e);
        else failure.addSuppressed(e);
      }
    }
    if (failure != null) throw failure;
  }

  /**
   * Ends the session and lets the next test have the file.
   *
   * <p>A test that passed saves the cassette as the mode says, then fails if recorded interactions went
   * unused. A test that failed saves too, as go-vcr and Ruby's VCR do, when it recorded something: each
   * recorded exchange is complete (the client adapters record a response only once its body has been
   * read to the end), real, and may have been paid for, while the failure is often the test's own
   * assertion about it. The notice says which file holds it, why, and how to replay or undo it. A failed
   * test that recorded nothing saves nothing, so a failure before the first call never replaces a
   * cassette with an empty one.
   *
   * @param notices told what a failed test's cassette became, for the console
   * @throws AssertionFailedError listing the interactions a passing test never used
   */
  void finish(boolean testFailed, Consumer<String> notices) {
    try {
      closeStarted();
      if (!testFailed) {
        boolean silent = sentNothing();
        recorder.stop();
        if (silent) notices.accept(silenceMessage());
        failOnUnused();
      } else if (recorder.isRecording()) {
        keepWhatWasRecorded(notices);
      }
    } finally {
      lock.release();
    }
  }

  /**
   * True when the test asked for a client wired to the cassette, recording was on, and not one request
   * came through it: neither recorded nor replayed. The cassette then holds nothing from this test,
   * which replays fine until CI, where the real requests (sent by some other client) meet no cassette.
   */
  private boolean sentNothing() {
    if (clients.isEmpty() || !recorder.isRecording() || !recorder.recordedInteractions().isEmpty()) return false;
    int loaded = recorder.cassette().interactions().size();
    return recorder.unusedInteractions().size() == loaded;
  }

  private String silenceMessage() {
    String what = String.join(", ", asked);
    return cassette.testName() + " asked for " + what + " while recording, but sent no request through "
        + (asked.size() == 1 ? "it" : "them") + ": " + cassette.file().toAbsolutePath() + " holds nothing"
        + " from this test.\nLikely the code under test builds its own HTTP client (HttpClient.newHttpClient(),"
        + " new OkHttpClient(), an SDK's default client), whose requests went to the network unrecorded and"
        + " will fail in CI, where the cassette replays. Hand the injected client to the code under test, as"
        + " docs/clients.md shows for each SDK and framework. If the test sends nothing on purpose, do not"
        + " ask for a client.";
  }

  private void failOnUnused() {
    if (cassette.allowUnused()) return;
    List<Interaction> unused = recorder.unusedInteractions();
    if (!unused.isEmpty()) throw new AssertionFailedError(unusedMessage(unused));
  }

  private void keepWhatWasRecorded(Consumer<String> notices) {
    Path file = cassette.file().toAbsolutePath();
    List<Interaction> recorded = recorder.recordedInteractions();
    if (recorded.isEmpty()) {
      notices.accept(cassette.testName() + " failed before recording anything, so nothing was saved: "
          + (Files.exists(file) ? file + " is as it was." : "no cassette was written to " + file + "."));
      return;
    }
    recorder.stop();
    boolean one = recorded.size() == 1;
    StringBuilder notice = new StringBuilder()
        .append(cassette.testName()).append(" failed after recording ")
        .append(one ? "1 interaction; it is " : recorded.size() + " interactions; they are ")
        .append(recorder.mode() == Mode.REPLAY_WITH_NEW_EPISODES ? "added to " : "saved in ").append(file)
        .append(" all the same, since recorded exchanges are real and may have been paid for.\n");
    // A rate limit or a server error is the likeliest wrong recording, and it would replay as recorded.
    List<Interaction> errors = recorded.stream().filter(i -> i.response().code() >= 400).toList();
    if (!errors.isEmpty()) {
      notice.append(one ? "It is" : errors.size() + " of them " + (errors.size() == 1 ? "is" : "are"))
          .append(" an error response, and will replay as one:");
      errors.stream().limit(3).forEach(i -> notice.append(' ').append(i.response().code()).append(' ')
          .append(i.request().method()).append(' ').append(i.request().url()).append(';'));
      notice.setLength(notice.length() - 1);
      notice.append(errors.size() > 3 ? " ...\n" : "\n");
    }
    notices.accept(notice
        .append(cassette.replayHint(one ? "it" : "them")).append('\n')
        .append("If the recording itself is wrong, record the test again or restore the file from version control.")
        .toString());
  }

  private String unusedMessage(List<Interaction> unused) {
    return unused.size() + " recorded interaction" + (unused.size() == 1 ? " was" : "s were")
        + " never replayed from " + cassette.file().toAbsolutePath() + ":\n"
        + unused.stream()
            .map(i -> "  " + i.request().method() + " " + i.request().url())
            .collect(Collectors.joining("\n"))
        + "\nThe code under test no longer sends them: re-record the cassette ("
        + cassette.recordCommand() + "), or allow this with @UseCassette(allowUnused = true).";
  }
}
