package dev.cassette.benchmarks;

import dev.cassette.core.Cassette;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * What loading costs in heap, per megabyte of cassette text (10^6 bytes of UTF-8), over the same corpus
 * as {@link CodecBenchmark}:
 *
 * <ul>
 *   <li>allocated: every byte {@link Cassette#parse} allocates, garbage included (the JVM's count of
 *       bytes allocated by this thread), the median of several passes after warming up;
 *   <li>retained: what the loaded cassettes keep reachable, the heap in use after a full collection with
 *       every cassette held, minus the same with only the texts held.
 * </ul>
 *
 * <p>Counts, not times: they hold on a busy machine. {@code java -cp benchmarks.jar
 * dev.cassette.benchmarks.CodecHeap [corpus folder]}.
 */
public final class CodecHeap {
  private CodecHeap() {}

  public static void main(String[] args) throws InterruptedException {
    Corpus corpus = Corpus.read(args.length > 0 ? args[0] : "../shared/corpus/fantasy");
    List<String> texts = corpus.texts();
    double megabytes = corpus.megabytes();
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    long[] allocated = new long[15];
    for (int pass = -10; pass < allocated.length; pass++) {
      long before = threads.getThreadAllocatedBytes(self);
      for (String text : texts) Cassette.parse(text);
      if (pass >= 0) allocated[pass] = threads.getThreadAllocatedBytes(self) - before;
    }
    java.util.Arrays.sort(allocated);
    long textsOnly = usedAfterGc();
    List<Cassette> held = new ArrayList<>(texts.size());
    for (String text : texts) held.add(Cassette.parse(text));
    long withCassettes = usedAfterGc();
    System.out.printf("# codec heap: %d files, %.2f MB of cassette text%n", texts.size(), megabytes);
    System.out.println("| load | per MB of cassette |");
    System.out.println("|---|---:|");
    System.out.printf("| allocated (garbage included) | %.1f MB |%n", allocated[allocated.length / 2] / 1e6 / megabytes);
    System.out.printf("| retained (the loaded model) | %.2f MB |%n", (withCassettes - textsOnly) / 1e6 / megabytes);
    if (held.size() != texts.size()) throw new AssertionError();
  }

  private static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
