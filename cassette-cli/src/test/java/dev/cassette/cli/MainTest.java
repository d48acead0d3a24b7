package dev.cassette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  @Test
  void helpListsCommands() {
    Cli run = Cli.run("--help");
    assertEquals(0, run.exit());
    assertTrue(run.out().startsWith("usage: cassette"), run.out());
    for (String command : new String[] {"fmt [--check] PATH...", "check PATH...", "show [--json] FILE",
        "diff [--all] OLD [NEW]", "serve --upstream URL [--mode MODE] [--port N] [--host HOST] FILE"}) {
      assertTrue(run.out().contains("\n  " + command), run.out());
    }
    assertEquals("", run.err());
  }

  @Test
  void commandHelp() {
    Cli run = Cli.run("fmt", "--help");
    assertEquals(0, run.exit());
    assertTrue(run.out().startsWith("usage: cassette fmt [--check] PATH..."), run.out());
  }

  @Test
  void noArguments() {
    assertUsageError(Cli.run(), "cassette: no command given");
  }

  @Test
  void unknownCommand() {
    assertUsageError(Cli.run("lint", "x.yaml"), "cassette: unknown command lint");
  }

  @Test
  void unknownOption() {
    assertUsageError(Cli.run("fmt", "--write", dir.toString()), "cassette: fmt: unknown option --write");
  }

  @Test
  void missingPaths() {
    assertUsageError(Cli.run("fmt", "--check"), "cassette: fmt: no PATH given");
    assertUsageError(Cli.run("check"), "cassette: check: no PATH given");
    assertUsageError(Cli.run("show"), "cassette: show: expected one FILE, got 0");
  }

  @Test
  void missingFile() {
    Path missing = dir.resolve("missing.yaml");
    assertUsageError(Cli.run("check", missing.toString()), "cassette: " + missing + ": no such file or directory");
    assertUsageError(Cli.run("fmt", missing.toString()), "cassette: " + missing + ": no such file or directory");
    assertUsageError(Cli.run("show", missing.toString()), "cassette: " + missing + ": no such file");
  }

  @Test
  void showTakesAFileNotAFolder() {
    assertUsageError(Cli.run("show", dir.toString()), "cassette: " + dir + ": is a folder; show takes one FILE");
  }

  private static void assertUsageError(Cli run, String firstLine) {
    assertEquals(2, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(firstLine, run.err().lines().findFirst().orElse(""));
    assertTrue(run.err().contains("\nusage: cassette "), run.err());
  }
}
