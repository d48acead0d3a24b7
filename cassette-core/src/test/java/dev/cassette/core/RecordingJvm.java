package dev.cassette.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The child JVM of {@link CrossJvmRecordingTest}, started several times at once.
 *
 * <p>{@code record CASSETTE MODE WORKER COUNT BARRIER_DIR WORKERS}: records COUNT GETs of
 * {@code https://api.example.com/WORKER/i}, then waits until every worker has recorded before it stops,
 * so that all of them loaded the cassette before any of them saves: the case that lost interactions.
 *
 * <p>{@code hold LOCK_FILE}: holds an operating-system lock on the file until its standard input ends.
 */
public final class RecordingJvm {
  private RecordingJvm() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("hold")) {
      hold(Path.of(args[1]));
    } else {
      record(Path.of(args[1]), Mode.valueOf(args[2]), args[3], Integer.parseInt(args[4]), Path.of(args[5]),
          Integer.parseInt(args[6]));
    }
  }

  private static void record(Path cassette, Mode mode, String worker, int count, Path barrier, int workers)
      throws Exception {
    Recorder recorder = Recorder.builder(cassette).mode(mode).build();
    for (int i = 0; i < count; i++) {
      Request request = Exchanges.get("https://api.example.com/" + worker + "/" + i);
      if (!recorder.route(request).shouldRecord()) throw new AssertionError("not recording " + request.url());
      recorder.record(request, Exchanges.ok(worker + " " + i));
    }
    Files.createFile(barrier.resolve("ready-" + worker));
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (readyCount(barrier) < workers) {
      if (System.nanoTime() > deadline) throw new AssertionError("the other workers never got ready");
      Thread.sleep(5);
    }
    recorder.stop();
  }

  private static long readyCount(Path barrier) throws IOException {
    try (Stream<Path> files = Files.list(barrier)) {
      return files.filter(f -> f.getFileName().toString().startsWith("ready-")).count();
    }
  }

  private static void hold(Path lockFile) throws IOException {
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         var lock = channel.lock()) {
      System.out.println("held");
      System.out.flush();
      while (System.in.read() != -1) {
        // Holds the lock until the parent closes the pipe.
      }
    }
  }
}
