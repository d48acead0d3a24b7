package dev.cassette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files made to hurt: terminal escapes in what is printed, and files too heavy for the heap. */
class HostileCassetteTest {
  private static final String ESC = "\u001b";

  @TempDir Path dir;

  @Test
  void showEscapesControlCharactersFromTheCassette() throws Exception {
    Path file = dir.resolve("hostile.yaml");
    Cassette.builder()
        .add(Request.builder().method("GET").url("https://api.example.com/" + ESC + "]0;pwned\u0007x").build(),
            Response.builder().code(200).status("200 OK" + ESC + "[2J").body("{}").build())
        .build()
        .save(file);

    Cli run = Cli.run("show", file.toString());

    assertEquals(0, run.exit(), run.err());
    assertFalse(run.out().contains(ESC) || run.out().contains("\u0007"), run.out());
    assertTrue(run.out().contains("https://api.example.com/\\x1B]0;pwned\\x07x"), run.out());
    assertTrue(run.out().contains("200 OK\\x1B[2J"), run.out());
  }

  @Test
  void checkEscapesControlCharactersInItsReport() throws Exception {
    Path file = dir.resolve("hostile.yaml");
    Files.writeString(file, "---\nversion: 2\ninteractions: []\n\"\\e[31mred\\u202Eevil\": 1\n");

    Cli run = Cli.run("check", file.toString());

    assertEquals(1, run.exit());
    assertFalse(run.out().contains(ESC) || run.out().contains("\u202E"), run.out());
    assertTrue(run.out().contains("\\x1B[31mred\\u202Eevil"), run.out());
    assertEquals("1 files, 1 invalid", run.lastLine());
  }

  /**
   * A cassette of 16 MB, under the size limit, checked with a heap of 32 MB: loading it cannot fit,
   * and the run reports it and still checks the next file and prints its summary line.
   */
  @Test
  void aFileThatExhaustsTheHeapIsReportedAndTheRunGoesOn() throws Exception {
    Path heavy = dir.resolve("a-heavy.yaml");
    try (BufferedWriter w = Files.newBufferedWriter(heavy, StandardCharsets.UTF_8)) {
      w.write("---\nversion: 2\ninteractions:\n");
      for (int i = 0; i < 160_000; i++) {
        w.write("- id: " + i + "\n  request: {method: GET, url: 'https://api.example.com/" + i + "'}\n"
            + "  response: {code: 200}\n");
      }
    }
    Path good = Files.writeString(dir.resolve("b-good.yaml"), "---\nversion: 2\ninteractions: []\n");

    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "check", heavy.toString(), good.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));

    List<String> lines = output.strip().lines().toList();
    assertTrue(lines.get(0).startsWith(heavy + ": cannot read: out of memory"), output);
    assertTrue(lines.get(0).contains("-Xmx"), output);
    assertEquals("2 files, 1 invalid", lines.get(lines.size() - 1), output);
    assertEquals(1, p.exitValue(), output);
  }
}
