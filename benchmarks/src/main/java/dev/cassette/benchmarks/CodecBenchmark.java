package dev.cassette.benchmarks;

import dev.cassette.core.Cassette;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The YAML codec over a whole corpus of real cassettes, one operation being one pass over every file:
 *
 * <ul>
 *   <li>{@code load}: text to {@link Cassette} ({@link Cassette#parse}), the work of every replay;
 *   <li>{@code genericLoad}: the same text through snakeyaml-engine's generic {@code Load} into plain
 *       maps and lists, the baseline the codec is measured against (it builds no model and checks
 *       nothing, so a codec at 1.0x or better costs nothing over reading YAML at all);
 *   <li>{@code save}: {@link Cassette} to the exact bytes {@link Cassette#save} writes (before the
 *       atomic file replacement, which measures the disk rather than the codec).
 * </ul>
 *
 * <p>Besides operations per second, each benchmark reports {@code :megabytes}: corpus megabytes
 * (10^6 bytes) processed per second, which JMH labels {@code ops/s}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 8, time = 2)
public class CodecBenchmark {
  /** The corpus folder; see {@link Corpus} for how it is found when this path does not exist. */
  @Param("../shared/corpus/fantasy")
  public String corpus;

  private List<String> texts;
  private List<Cassette> cassettes;
  private double megabytes;

  @Setup
  public void readCorpus() {
    Corpus files = Corpus.read(corpus);
    texts = files.texts();
    cassettes = texts.stream().map(Cassette::parse).toList();
    megabytes = files.megabytes();
    for (int i = 0; i < texts.size(); i++) {
      if (!cassettes.get(i).toYaml().equals(texts.get(i))) {
        // A save that is faster because it writes something else would be a meaningless number.
        throw new IllegalStateException("cassette " + i + " under " + files.folder() + " does not round-trip");
      }
    }
    System.out.printf("# corpus: %d files, %.2f MB under %s%n", texts.size(), megabytes, files.folder());
  }

  /** Counts the megabytes processed; JMH divides the count by time, giving MB/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Throughput {
    public double megabytes;

    @Setup(Level.Iteration)
    public void reset() {
      megabytes = 0;
    }
  }

  @Benchmark
  public void load(Throughput throughput, Blackhole blackhole) {
    for (String text : texts) blackhole.consume(Cassette.parse(text));
    throughput.megabytes += megabytes;
  }

  @Benchmark
  public void genericLoad(Throughput throughput, Blackhole blackhole) {
    for (String text : texts) {
      blackhole.consume(new Load(LoadSettings.builder().build()).loadFromString(text));
    }
    throughput.megabytes += megabytes;
  }

  @Benchmark
  public void save(Throughput throughput, Blackhole blackhole) {
    for (Cassette cassette : cassettes) blackhole.consume(cassette.toYaml().getBytes(StandardCharsets.UTF_8));
    throughput.megabytes += megabytes;
  }
}
