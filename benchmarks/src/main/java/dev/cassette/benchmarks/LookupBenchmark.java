package dev.cassette.benchmarks;

import dev.cassette.core.Cassette;
import dev.cassette.core.Matchers;
import dev.cassette.core.Mode;
import dev.cassette.core.Multimap;
import dev.cassette.core.NoMatchingInteractionException;
import dev.cassette.core.Recorder;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import dev.cassette.core.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How a recorder's lookup scales with the cassette's size: the request asked for is the last of
 * {@code interactions} recorded POSTs with JSON bodies (the worst case for a scan in file order).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LookupBenchmark {
  @Param({"10", "10000"})
  public int interactions;

  private Path file;
  private Recorder recorder;
  private Request last;

  static Request request(int i) {
    String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"question " + i + "\"}]}";
    return Request.builder().method("POST").url("https://api.example.com/v1/chat/completions")
        .headers(Multimap.of("Content-Type", "application/json")).contentLength(body.length()).body(body).build();
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    file = Files.createTempFile("lookup", ".yaml");
    Cassette.Builder cassette = Cassette.builder();
    for (int i = 0; i < interactions; i++) {
      cassette.add(request(i), Response.builder().code(200).status("200 OK")
          .headers(Multimap.of("Content-Type", "application/json")).body("{\"answer\":" + i + "}").build());
    }
    cassette.build().save(file);
    recorder = Recorder.builder(file).mode(Mode.REPLAY_ONLY).matcher(Matchers.methodUrlBody())
        .allowRepeats(true).build();
    // Rebuilt, not reused, so a lookup cannot succeed on object identity.
    last = request(interactions - 1).toBuilder().build();
    // Tenure the cassette now: otherwise every young collection during measurement copies 10,000 live
    // interactions between survivor spaces, and the lookup would be charged for the collector's work.
    System.gc();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    recorder.close();
    Files.deleteIfExists(file);
  }

  @Benchmark
  public Route lookupLast() throws NoMatchingInteractionException {
    return recorder.route(last);
  }
}
