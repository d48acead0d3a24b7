package dev.cassette.benchmarks.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one variant's generated suite through the JUnit Platform Launcher, several times in this JVM,
 * and prints each run's wall time in nanoseconds, one per line ({@code run <i> <nanos>}). The first run
 * is what a CI build pays (a cold JVM: class loading, the JIT's first compilations); later runs show the
 * settled cost. Fails when any test fails: a suite that does not replay would be measured doing nothing.
 *
 * <p>Arguments: the variant's package, the number of classes, the number of runs.
 */
public final class SuiteRun {
  private SuiteRun() {}

  public static void main(String[] args) throws Exception {
    String pkg = args[0];
    int classes = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    List<org.junit.platform.engine.DiscoverySelector> selectors = new ArrayList<>();
    for (int c = 0; c < classes; c++) selectors.add(selectClass(Class.forName(pkg + "." + SuiteSources.className(c))));
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
    for (int run = 1; run <= runs; run++) {
      Launcher launcher = LauncherFactory.create();
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      long start = System.nanoTime();
      launcher.execute(request, summary);
      long nanos = System.nanoTime() - start;
      TestExecutionSummary s = summary.getSummary();
      if (s.getTotalFailureCount() > 0 || s.getTestsSucceededCount() == 0) {
        java.io.StringWriter out = new java.io.StringWriter();
        s.printFailuresTo(new java.io.PrintWriter(out), 20);
        throw new IllegalStateException(pkg + ": " + s.getTotalFailureCount() + " of " + s.getTestsFoundCount()
            + " tests failed\n" + out);
      }
      System.out.println("run " + run + " " + nanos + " " + s.getTestsSucceededCount());
    }
  }
}
