package dev.cassette.benchmarks.suite;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * What a test suite pays for the extension: a suite of {@code classes x tests} generated tests, each
 * replaying the seed cassette, run as {@code @UseCassette} tests, as the same tests on a hand-written
 * stub interceptor, and as {@code @WireMockTest} tests with equivalent stubs (see {@link SuiteSources}).
 *
 * <p>The sources are generated and compiled into a temporary folder; each variant's suite then runs in a
 * JVM of its own ({@link SuiteRun}), {@code runs} times in that JVM, and that for {@code jvms} JVMs, the
 * variants taking turns so that a change in the machine's load falls on all of them alike. It prints
 * the median over JVMs of the first run (a cold JVM, what {@code mvn test} pays) and of the last run
 * (settled), and each variant's cost per test over the stub.
 *
 * <p>{@code java -cp benchmarks.jar dev.cassette.benchmarks.suite.SuiteBenchmark [jvms] [runs] [classes] [tests]},
 * by default 3 JVMs, 10 runs, 20 classes of 10 tests: 200 tests. {@code -Dsuite.keep=true} keeps the
 * generated sources and classes (for profiling one variant with {@link SuiteRun}).
 */
public final class SuiteBenchmark {
  private SuiteBenchmark() {}

  public static void main(String[] args) throws Exception {
    int jvms = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    // The extension's code runs once per test, so its JIT needs several suites before it settles: on 2
    // cores the third run still takes twice the tenth.
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int classes = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int tests = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    Path work = Files.createTempDirectory("cassette-suite");
    try {
      Path classesDir = compile(work, classes, tests);
      Map<String, List<long[]>> times = new LinkedHashMap<>();
      for (String variant : SuiteSources.VARIANTS) times.put(variant, new ArrayList<>());
      for (int jvm = 0; jvm < jvms; jvm++) {
        for (String variant : SuiteSources.VARIANTS) {
          times.get(variant).add(fork(classesDir, variant, classes, runs, classes * tests));
        }
      }
      print(times, classes * tests, jvms, runs);
    } finally {
      if (Boolean.getBoolean("suite.keep")) {
        System.out.println("# kept the generated suites under " + work);
        return;
      }
      try (Stream<Path> tree = Files.walk(work)) {
        tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Path compile(Path work, int classes, int tests) throws IOException {
    Path cassettes = work.resolve("cassettes");
    Files.createDirectories(cassettes);
    Files.writeString(cassettes.resolve("multi_tool_streaming.yaml"), SeedExchanges.TEXT);
    Path sources = work.resolve("src");
    List<String> files = new ArrayList<>();
    for (String variant : SuiteSources.VARIANTS) {
      Path dir = sources.resolve("suite").resolve(variant);
      Files.createDirectories(dir);
      for (int c = 0; c < classes; c++) {
        Path file = dir.resolve(SuiteSources.className(c) + ".java");
        Files.writeString(file, SuiteSources.source(variant, c, tests, cassettes.toAbsolutePath()));
        files.add(file.toString());
      }
    }
    Path out = work.resolve("classes");
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) throw new IllegalStateException("no Java compiler: run this with a JDK, not a JRE");
    List<String> javacArgs = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"),
        "-proc:none", "-nowarn", "-g:none"));
    javacArgs.addAll(files);
    int status = javac.run(null, null, null, javacArgs.toArray(String[]::new));
    if (status != 0) throw new IllegalStateException("the generated suites do not compile (javac exit " + status + ")");
    return out;
  }

  /** Runs one variant's suite in a new JVM; returns each run's nanoseconds. */
  private static long[] fork(Path classesDir, String variant, int classes, int runs, int expectedTests)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classPath = System.getProperty("java.class.path") + File.pathSeparator + classesDir;
    Process process = new ProcessBuilder(java, "-cp", classPath, "-Djava.util.logging.config.file=/dev/null",
        SuiteRun.class.getName(), "suite." + variant, Integer.toString(classes), Integer.toString(runs))
        .redirectErrorStream(true).start();
    long[] nanos = new long[runs];
    StringBuilder output = new StringBuilder();
    int seen = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        output.append(line).append('\n');
        if (line.startsWith("run ")) {
          String[] parts = line.split(" ");
          if (Integer.parseInt(parts[3]) != expectedTests) {
            throw new IllegalStateException(variant + " ran " + parts[3] + " tests, not " + expectedTests);
          }
          nanos[seen++] = Long.parseLong(parts[2]);
        }
      }
    }
    if (process.waitFor() != 0 || seen != runs) {
      throw new IllegalStateException("suite " + variant + " failed:\n" + output);
    }
    return nanos;
  }

  private static void print(Map<String, List<long[]>> times, int tests, int jvms, int runs) {
    System.out.printf("# suite: %d tests, each replaying the seed cassette (%d requests); %d JVMs per variant,"
        + " %d runs in each; medians over JVMs%n", tests, SeedExchanges.size(), jvms, runs);
    System.out.println("| variant | first run (cold JVM) ms | ms per test | over stub, ms per test"
        + " | run " + runs + " (settled) ms | ms per test | over stub, ms per test |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    double coldStub = median(times.get("stub"), 0) / 1e6;
    double warmStub = median(times.get("stub"), runs - 1) / 1e6;
    for (Map.Entry<String, List<long[]>> e : times.entrySet()) {
      double cold = median(e.getValue(), 0) / 1e6;
      double warm = median(e.getValue(), runs - 1) / 1e6;
      System.out.printf("| %s | %.0f | %.2f | %s | %.0f | %.3f | %s |%n", e.getKey(), cold, cold / tests,
          e.getKey().equals("stub") ? "" : String.format("%+.2f", (cold - coldStub) / tests),
          warm, warm / tests,
          e.getKey().equals("stub") ? "" : String.format("%+.3f", (warm - warmStub) / tests));
    }
  }

  private static double median(List<long[]> perJvm, int run) {
    double[] values = perJvm.stream().mapToDouble(r -> r[run]).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

}
