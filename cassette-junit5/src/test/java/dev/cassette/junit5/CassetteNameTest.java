package dev.cassette.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cassette.core.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Cassette names and directories that would make a recording write outside where cassettes live. */
class CassetteNameTest {
  @TempDir Path dir;

  static class ClimbingName {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtensionTest.isolated();

    @Test
    @UseCassette(value = "../../escaped", mode = Mode.RECORD_ONLY)
    void test(Path cassette) {}
  }

  static class AbsoluteName {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtensionTest.isolated();

    @Test
    @UseCassette(value = "/tmp/cassette-absolute-name", mode = Mode.RECORD_ONLY)
    void test(Path cassette) {}
  }

  static class ClimbingDir {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtensionTest.isolated();

    @Test
    @UseCassette(value = "x", dir = "target/../../../cassette-climbing-dir")
    void test(Path cassette) {}
  }

  static class InsideNames {
    @RegisterExtension
    static CassetteExtension cassettes = CassetteExtensionTest.isolated();

    @Test
    @UseCassette(value = "provider/../provider/chat", mode = Mode.PASSTHROUGH)
    void dotDotThatStaysInside(Path cassette) {
      assertTrue(cassette.endsWith(Path.of("provider/chat.yaml")), cassette.toString());
    }

    /** A shared folder beside the module may be read: a test pinned to replay never writes there. */
    @Test
    @UseCassette(value = "huggingface/multi_tool_streaming", dir = "../fixtures", mode = Mode.REPLAY_ONLY,
        allowUnused = true)
    void sharedFixturesReadOnly(Path cassette) {
      assertTrue(Files.exists(cassette), cassette.toString());
    }
  }

  private EngineExecutionResults run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(Map.of(TestCassette.DIR_PARAMETER, dir.toString()))
        .selectors(selectClass(sample))
        .execute();
  }

  private String onlyFailure(Class<?> sample) {
    List<String> messages = run(sample).testEvents().failed().stream()
        .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
            .orElseThrow().getMessage())
        .toList();
    assertEquals(1, messages.size(), messages.toString());
    return messages.get(0);
  }

  @Test
  void aNameThatClimbsOutOfTheDirectoryIsRefused() {
    String message = onlyFailure(ClimbingName.class);
    assertTrue(message.startsWith("@UseCassette(\"../../escaped\") on "), message);
    assertTrue(message.contains("outside the cassette directory " + dir), message);
    assertFalse(Files.exists(dir.resolve("../../escaped.yaml").normalize()));
  }

  @Test
  void anAbsoluteNameIsRefused() {
    String message = onlyFailure(AbsoluteName.class);
    assertTrue(message.contains("outside the cassette directory"), message);
    assertFalse(Files.exists(Path.of("/tmp/cassette-absolute-name.yaml")));
  }

  @Test
  void aDirThatLeavesTheModuleIsRefusedUnlessTheTestOnlyReads() {
    String message = onlyFailure(ClimbingDir.class);
    assertTrue(message.startsWith("@UseCassette(dir = \"target/../../../cassette-climbing-dir\") on "), message);
    assertTrue(message.contains("leads outside the module's directory"), message);
  }

  @Test
  void namesAndDirsThatStayWhereTheySayAreAccepted() {
    EngineExecutionResults results = run(InsideNames.class);
    assertEquals(2, results.testEvents().succeeded().count(),
        results.testEvents().failed().stream().map(Object::toString).toList().toString());
  }
}
