package dev.cassette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Reviewing a re-record" shows real output: the seed cassette against a re-record of it with
 * new ids, times, fingerprints, durations, one reworded line and a token more. This test makes that
 * re-record and checks the README still shows what {@code cassette diff} prints for it.
 */
class ReadmeDiffExampleTest {
  private static final Map<String, String> RE_RECORD = Map.ofEntries(
      Map.entry("chatcmpl-edcdda85-c2ec-4f70-9142-7b04f06c47aa", "chatcmpl-5b1f0e2a-77d4-4c1e-9a0b-2f3c8d9e6a11"),
      Map.entry("chatcmpl-911a867c-33bc-47fe-89cd-7a41c5b30b9b", "chatcmpl-c03e9b5d-1a2f-4e8b-b6d7-0e4f1a2b3c4d"),
      Map.entry("1773347276", "1773433810"),
      Map.entry("fp_05df423bab", "fp_3b2d7a1c90"),
      Map.entry("fp_241bc7119c", "fp_3b2d7a1c90"),
      Map.entry("req_01kkhvr1djf7as7hxyta3y5d9q", "req_01kkm2x7q8e9r0t1y2u3i4o5p6"),
      Map.entry("req_01kkhvr1y4f7c94xjnck5nxy62", "req_01kkm2x8a1s2d3f4g5h6j7k8l9"),
      Map.entry("118898684", "52213907"),
      Map.entry("103431212", "77130455"),
      Map.entry("299.20475ms", "341.117802ms"),
      Map.entry("409.563166ms", "388.902514ms"),
      Map.entry("\"content\":\" results\"", "\"content\":\" answers\""),
      Map.entry("\"completion_tokens\":29,", "\"completion_tokens\":30,"),
      Map.entry("\"total_tokens\":322,", "\"total_tokens\":323,"));

  @TempDir Path dir;

  @Test
  void readmeShowsWhatDiffPrints() throws IOException {
    Path old = Fixtures.copy("huggingface/multi_tool_streaming.yaml", dir.resolve("old"));
    String yaml = Files.readString(old, StandardCharsets.UTF_8);
    for (Map.Entry<String, String> change : RE_RECORD.entrySet()) {
      assertTrue(yaml.contains(change.getKey()), change.getKey());
      yaml = yaml.replace(change.getKey(), change.getValue());
    }
    Path now = Files.createDirectories(dir.resolve("new")).resolve("streams.yaml");
    Files.writeString(now, yaml, StandardCharsets.UTF_8);

    Cli run = Cli.run("diff", old.toString(), now.toString());

    assertEquals(1, run.exit(), run.err());
    List<String> printed = run.out().lines().skip(2).toList(); // past the --- and +++ lines
    String readme = Files.readString(SharedFiles.fixtures().getParent().resolve("README.md"), StandardCharsets.UTF_8);
    String shown = readme.substring(readme.indexOf("$ ./cassette diff src/test/resources/cassettes/ChatTest/streams.yaml"));
    shown = shown.substring(0, shown.indexOf("```"));
    assertEquals(printed, shown.lines().skip(3).toList());
  }
}
