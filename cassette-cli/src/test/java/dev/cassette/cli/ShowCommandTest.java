package dev.cassette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {
  @TempDir Path dir;

  @Test
  void seedShowsToolCallsAndFinalText() throws IOException {
    Path seed = Fixtures.copy("huggingface/multi_tool_streaming.yaml", dir);

    Cli run = Cli.run("show", seed.toString());

    assertEquals(0, run.exit(), run.err());
    String out = run.out();
    assertTrue(out.startsWith(seed + ": 2 interactions (compact layout, modern profile)\n"), out);
    assertTrue(out.contains("#0 POST https://router.huggingface.co/v1/chat/completions\n"), out);
    assertTrue(out.contains("  status:   200 OK (HTTP/2.0)\n"), out);
    assertTrue(out.contains("  request:  879 bytes\n"), out);
    assertTrue(out.contains("  tool call: add({\"a\":2,\"b\":3})\n"), out);
    assertTrue(out.contains("  tool call: multiply({\"a\":2,\"b\":3})\n"), out);
    String second = out.substring(out.indexOf("#1 POST"));
    assertTrue(second.contains("  stream:   "), second);
    assertTrue(second.contains("events, OpenAI chat completions\n"), second);
    assertTrue(second.contains("  text:\n    The results are:\n    - Addition: 2 + 3 = 5\n"
        + "    - Multiplication: 2 × 3 = 6\n"), second);
  }

  @Test
  void anthropicStreamShowsFragmentedToolInput() throws IOException {
    Path file = Fixtures.copy("anthropic/multi_tool_streaming.yaml", dir);
    Cli run = Cli.run("show", file.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("events, Anthropic messages\n"), run.out());
    assertTrue(run.out().contains("  tool call: add({\"a\": 2, \"b\": 3})\n"), run.out());
    assertTrue(run.out().contains("  tool call: multiply({\"a\": 2, \"b\": 3})\n"), run.out());
    assertTrue(run.out().contains("    I'll add and multiply the numbers 2 and 3 for you.\n"), run.out());
  }

  @Test
  void geminiStreamWithCrlfLines() throws IOException {
    Path file = Fixtures.copy("google/simple_streaming.yaml", dir);
    Cli run = Cli.run("show", file.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("events, Gemini\n"), run.out());
    assertTrue(run.out().contains("    \"Hi\" in Portuguese is **\"Oi\"** (pronounced like \"oy\")."), run.out());
  }

  @Test
  void binaryBodyIsSizedNotPrinted() throws IOException {
    Path file = Fixtures.copy("bedrock/simple_streaming.yaml", dir);
    Cli run = Cli.run("show", file.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().matches("(?s).*\n  response: binary, \\d+ bytes\n.*"), run.out());
  }

  @Test
  void everyCorpusStreamIsRecognised() throws IOException {
    Path corpus = SharedFiles.require("corpus/fantasy");
    List<Path> files;
    try (Stream<Path> tree = Files.walk(corpus)) {
      files = tree.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int streams = 0;
    for (Path file : files) {
      Cli run = Cli.run("show", file.toString());
      assertEquals(0, run.exit(), file + ": " + run.err());
      for (String line : run.out().split("\n")) {
        if (!line.startsWith("  stream:")) continue;
        streams++;
        assertTrue(line.matches("  stream: +\\d+ events, .+"), file + ": no dialect recognised: " + line);
      }
    }
    assertTrue(streams > 100, "streams found: " + streams);
  }

  @Test
  void invalidFileFailsWithItsPlace() throws IOException {
    Path file = dir.resolve("bad.yaml");
    java.nio.file.Files.writeString(file, "---\nversion: 1\ninteractions: []\n");
    Cli run = Cli.run("show", file.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith(file + ":"), run.err());
    assertEquals("", run.out());
  }
}
