package dev.cassette.junit5;

import dev.cassette.core.Interaction;
import dev.cassette.core.Recorder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
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
   */
  Object client(Class<?> type, CassetteClients.Registration adapter, Map<String, Object> configured,
      ExtensionContext.Store run) {
    Object client = clients.get(type);
    if (client == null) {
      clients.putAll(adapter.load().wire(recorder, configured.get(adapter.clientType()), run));
      client = clients.get(type);
    }
    return client;
  }

  /**
   * Ends the session: saves the cassette as the mode says, unless the test failed, so a half-recorded
   * exchange never replaces a good cassette or gets replayed later as if it were complete. Then checks
   * that every recorded interaction was replayed.
   *
   * @return true when the cassette was stopped (and saved if the mode saves)
   * @throws AssertionFailedError listing the interactions the test never used
   */
  boolean finish(boolean testFailed) {
    try {
      if (testFailed) return false;
      recorder.stop();
      if (!cassette.allowUnused()) {
        List<Interaction> unused = recorder.unusedInteractions();
        if (!unused.isEmpty()) throw new AssertionFailedError(unusedMessage(unused));
      }
      return true;
    } finally {
      lock.release();
    }
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
