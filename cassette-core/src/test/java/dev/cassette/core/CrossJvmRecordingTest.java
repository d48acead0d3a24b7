package dev.cassette.core;

import static dev.cassette.core.Exchanges.get;
import static dev.cassette.core.Exchanges.interaction;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several real JVMs record into one cassette at once, as Surefire's {@code forkCount=2} makes them do:
 * the save at stop takes the cassette's lock and merges into what the others saved.
 */
class CrossJvmRecordingTest {
  private static final int PER_WORKER = 5;

  @TempDir Path dir;

  private Path cassette() {
    return dir.resolve("shared.yaml");
  }

  /** Starts a child JVM with this test's class path. */
  private static Process start(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        RecordingJvm.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Runs the workers at once and waits for all of them to succeed. */
  private void recordAtOnce(Mode mode, int workers) throws Exception {
    Path barrier = Files.createDirectories(dir.resolve("barrier"));
    List<Process> processes = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      processes.add(start("record", cassette().toString(), mode.name(), "w" + w, Integer.toString(PER_WORKER),
          barrier.toString(), Integer.toString(workers)));
    }
    for (Process p : processes) {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a worker hangs");
      assertEquals(0, p.exitValue(), output);
    }
  }

  private List<String> urls() throws Exception {
    return Cassette.load(cassette()).interactions().stream().map(i -> i.request().url()).toList();
  }

  @Test
  void newEpisodesFromFourJvmsAtOnceAreAllKept() throws Exception {
    Exchanges.cassette(interaction(get("https://api.example.com/first"), "first")).save(cassette());

    recordAtOnce(Mode.REPLAY_WITH_NEW_EPISODES, 4);

    List<String> urls = urls();
    assertEquals("https://api.example.com/first", urls.get(0), "what was there stays first");
    assertEquals(1 + 4 * PER_WORKER, urls.size(), urls.toString());
    for (int w = 0; w < 4; w++) {
      for (int i = 0; i < PER_WORKER; i++) {
        assertTrue(urls.contains("https://api.example.com/w" + w + "/" + i), "lost w" + w + "/" + i + ": " + urls);
      }
    }
    assertFalse(Files.exists(dir.resolve("shared.yaml.lock")), "the lock file is removed after use");
  }

  @Test
  void recordOnceFromThreeJvmsAtOnceEndsAsIfTheyRanOneAfterTheOther() throws Exception {
    recordAtOnce(Mode.RECORD_ONCE, 3);

    // The first to save recorded the cassette; the others, coming second, leave it as it is.
    List<String> urls = urls();
    assertEquals(PER_WORKER, urls.size(), urls.toString());
    String worker = urls.get(0).split("/")[3];
    for (int i = 0; i < PER_WORKER; i++) assertEquals("https://api.example.com/" + worker + "/" + i, urls.get(i));
  }

  @Test
  void aLockHeldTooLongFailsTheSaveWithTheLockFileAndTheFix() throws Exception {
    Exchanges.cassette(interaction(get("https://api.example.com/first"), "first")).save(cassette());
    byte[] before = Files.readAllBytes(cassette());
    Path lockFile = dir.resolve("shared.yaml.lock");
    Process holder = start("hold", lockFile.toString());
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("held", out.readLine());

      Recorder recorder = Recorder.builder(cassette()).mode(Mode.REPLAY_WITH_NEW_EPISODES)
          .lockTimeout(Duration.ofMillis(100)).build();
      Request request = get("https://api.example.com/new");
      recorder.route(request);
      recorder.record(request, Exchanges.ok("new"));
      UncheckedIOException e = assertThrows(UncheckedIOException.class, recorder::stop);

      assertTrue(e.getMessage().startsWith("cannot save cassette " + cassette() + ": another process has held"
          + " its lock " + lockFile + " for more than 100ms"), e.getMessage());
      assertTrue(e.getMessage().contains("Recorder.Builder.lockTimeout"), e.getMessage());
      assertArrayEquals(before, Files.readAllBytes(cassette()), "nothing was written");
    } finally {
      holder.getOutputStream().close();
      holder.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void twoRecordersInOneJvmAlsoMerge() throws Exception {
    Recorder first = Recorder.builder(cassette()).mode(Mode.REPLAY_WITH_NEW_EPISODES).build();
    Recorder second = Recorder.builder(cassette()).mode(Mode.REPLAY_WITH_NEW_EPISODES).build();
    for (Recorder r : List.of(first, second)) {
      Request request = get("https://api.example.com/" + (r == first ? "a" : "b"));
      r.route(request);
      r.record(request, Exchanges.ok("x"));
    }
    first.stop();
    second.stop();
    assertEquals(List.of("https://api.example.com/a", "https://api.example.com/b"), urls());
  }
}
