package compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.junit5.UseCassette;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A project that excluded cassette-server and cassette-jdk, which cassette-junit5 brings: nothing of
 * them is loaded, a replay-only test runs without the guard, and a parameter that needs one of them
 * fails naming the artifact to add back.
 */
class ExcludedAdaptersTest {
  @Test
  void neitherIsOnTheClassPath() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.cassette.server.NetworkGuard"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.cassette.jdk.CassetteHttpClient"));
  }

  @Test
  @UseCassette(value = "anthropic/simple", dir = "../../fixtures", mode = Mode.REPLAY_ONLY, allowUnused = true)
  void replayOnlyRunsUnguarded(Recorder recorder) {
    assertEquals(Mode.REPLAY_ONLY, recorder.mode());
    assertTrue(ProxySelector.getDefault() == null
        || !ProxySelector.getDefault().getClass().getName().startsWith("dev.cassette"), "no guard installed");
  }

  /** Run only through the test kit below. */
  static class OnlyThroughTheTestKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter("compat.sample").isPresent()
          ? ConditionEvaluationResult.enabled("sample") : ConditionEvaluationResult.disabled("sample");
    }
  }

  @ExtendWith(OnlyThroughTheTestKit.class)
  static class AsksForAJdkClient {
    @Test
    @UseCassette(value = "anthropic/simple", dir = "../../fixtures", mode = Mode.REPLAY_ONLY)
    void test(HttpClient client) {}
  }

  @Test
  void aJdkClientParameterNamesTheMissingArtifact() {
    List<String> failures = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("compat.sample", "true")
        .selectors(selectClass(AsksForAJdkClient.class))
        .execute()
        .testEvents().failed().stream()
        .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
            .orElseThrow().getMessage())
        .collect(Collectors.toList());
    assertEquals(1, failures.size(), failures.toString());
    assertTrue(failures.get(0).contains("dev.cassette:cassette-jdk is not on the test class path"), failures.get(0));
  }
}
