package dev.cassette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path dir;

  @Test
  void validFixturesPass() throws IOException {
    List<Path> files = Fixtures.copyTo(dir);
    Cli run = Cli.run("check", dir.toString());
    assertEquals(files.size() + " files, 0 invalid\n", run.out());
    assertEquals("", run.err());
    assertEquals(0, run.exit());
  }

  @Test
  void brokenFileIsReportedWithItsPlace() throws IOException {
    Fixtures.copyTo(dir);
    Path broken = dir.resolve("anthropic/simple.yaml");
    List<String> lines = Files.readAllLines(broken);
    int codeLine = lines.indexOf("    code: 200") + 1;
    assertTrue(codeLine > 0, "fixture no longer has the expected shape");
    lines.set(codeLine - 1, "    code: twohundred");
    Files.write(broken, lines);

    Cli run = Cli.run("check", dir.toString());

    assertEquals(1, run.exit());
    Matcher place = Pattern.compile("^" + Pattern.quote(broken.toString()) + ":(\\d+):(\\d+): \\S.*$",
        Pattern.MULTILINE).matcher(run.out());
    assertTrue(place.find(), run.out());
    assertEquals(codeLine, Integer.parseInt(place.group(1)), run.out());
    assertFalse(run.out().contains("Exception") || run.err().contains("Exception"), run.out() + run.err());
    assertFalse((run.out() + run.err()).contains("\tat "), "no stack trace");
    assertTrue(run.lastLine().endsWith(" files, 1 invalid"), run.lastLine());
  }

  @Test
  void notYamlAtAllIsReported() throws IOException {
    Path file = dir.resolve("notes.yml");
    Files.writeString(file, "---\nversion: 2\ninteractions: [\n");
    Cli run = Cli.run("check", file.toString());
    assertEquals(1, run.exit());
    assertTrue(run.out().startsWith(file + ":"), run.out());
    assertEquals("1 files, 1 invalid", run.lastLine());
  }

  @Test
  void foldersAreSearchedForYamlOnly() throws IOException {
    Fixtures.copy("anthropic/simple.yaml", dir);
    Files.writeString(dir.resolve("README.md"), "not a cassette");
    Files.writeString(dir.resolve("anthropic/data.json"), "{}");
    Cli run = Cli.run("check", dir.toString());
    assertEquals("1 files, 0 invalid\n", run.out());
    assertEquals(0, run.exit());
  }

  @Test
  void fileOverTheSizeLimitIsRefusedUnread() throws IOException {
    Path file = dir.resolve("huge.yaml");
    try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(dev.cassette.core.yaml.CassetteReader.DEFAULT_MAX_BYTES + 1);
    }
    Cli run = Cli.run("check", file.toString());
    assertEquals(1, run.exit());
    assertTrue(run.out().startsWith(file + ": the file is "), run.out());
    assertTrue(run.out().contains("over the limit"), run.out());
    assertEquals("1 files, 1 invalid", run.lastLine());
  }
}
