package dev.cassette.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cassette.junit5.standin.StandIn;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs a sample test class through the JUnit testkit as a user's build would, with the cassette
 * directory and the stand-in's URL configured: the one way the extension's tests run their samples.
 */
final class SampleRuns {
  private SampleRuns() {}

  /** @param parameters more configuration parameters, as name, value, name, value... */
  static EngineExecutionResults run(Path dir, StandIn server, Class<?> sample, String... parameters) {
    Map<String, String> configuration = new HashMap<>();
    configuration.put(TestCassette.DIR_PARAMETER, dir.toString());
    configuration.put(SampleServer.PARAMETER, server.url("/").toString());
    for (int i = 0; i < parameters.length; i += 2) configuration.put(parameters[i], parameters[i + 1]);
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(configuration)
        .selectors(selectClass(sample))
        .execute();
  }

  /** The message of each failed test's exception, in order. */
  static List<String> failureMessages(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(event -> event.getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable).orElseThrow().getMessage())
        .collect(Collectors.toList());
  }
}
