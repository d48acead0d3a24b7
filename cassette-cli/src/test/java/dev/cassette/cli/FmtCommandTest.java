package dev.cassette.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cassette.core.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {
  private static final String SEED = "huggingface/multi_tool_streaming.yaml";

  @TempDir Path dir;

  @Test
  void checkOnCleanFixturesChangesNothing() throws IOException {
    List<Path> files = Fixtures.copyTo(dir);
    Cli run = Cli.run("fmt", "--check", dir.toString());
    assertEquals(files.size() + " files, 0 would change", run.lastLine(), run.out() + run.err());
    assertEquals("", run.err());
    assertEquals(0, run.exit());
  }

  @Test
  void checkListsFileThatWouldChangeAndLeavesItAlone() throws IOException {
    Fixtures.copyTo(dir);
    Path messy = dir.resolve(SEED);
    byte[] before = unformat(messy);

    Cli run = Cli.run("fmt", "--check", dir.toString());

    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.out().lines().anyMatch(line -> line.equals(messy.toString())), run.out());
    assertEquals(2, run.out().lines().count(), "one file listed, then the tally: " + run.out());
    assertTrue(run.lastLine().endsWith(" files, 1 would change"), run.lastLine());
    assertArrayEquals(before, Files.readAllBytes(messy));
  }

  @Test
  void rewritesFileToItsOriginalBytes() throws IOException {
    Path messy = Fixtures.copy(SEED, dir);
    byte[] original = Files.readAllBytes(messy);
    unformat(messy);

    Cli run = Cli.run("fmt", messy.toString());

    assertEquals(0, run.exit(), run.out() + run.err());
    assertEquals(messy + "\n1 files, 1 changed\n", run.out());
    assertArrayEquals(original, Files.readAllBytes(messy));
    assertEquals(List.of(messy), listFolder(messy.getParent()), "no temporary file left behind");

    Cli again = Cli.run("fmt", "--check", messy.toString());
    assertEquals("1 files, 0 would change", again.lastLine());
    assertEquals(0, again.exit());
  }

  @Test
  void renumbersInteractionIds() throws IOException {
    Path file = Fixtures.copy(SEED, dir);
    byte[] original = Files.readAllBytes(file);
    String text = new String(original, StandardCharsets.UTF_8);
    Files.writeString(file, text.replace("\n- id: 1\n", "\n- id: 7\n"));

    Cli check = Cli.run("fmt", "--check", file.toString());
    assertEquals(file + "\n1 files, 1 would change\n", check.out());
    assertEquals(1, check.exit());

    Cli fmt = Cli.run("fmt", file.toString());
    assertEquals(0, fmt.exit(), fmt.err());
    assertArrayEquals(original, Files.readAllBytes(file));
  }

  @Test
  void rewriteKeepsFilePermissions() throws IOException {
    Path messy = Fixtures.copy(SEED, dir);
    assumeTrue(messy.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX only");
    Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-rw-r--");
    Files.setPosixFilePermissions(messy, permissions);
    unformat(messy);

    assertEquals(0, Cli.run("fmt", messy.toString()).exit());

    assertEquals(permissions, Files.getPosixFilePermissions(messy));
  }

  @Test
  void leavesFormattedFilesUntouched() throws IOException {
    Path file = Fixtures.copy("govcr/anthropic_web_search_stream.yaml", dir);
    long modified = Files.getLastModifiedTime(file).toMillis() - 10_000;
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(modified));

    Cli run = Cli.run("fmt", file.toString());

    assertEquals("1 files, 0 changed\n", run.out());
    assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
  }

  @Test
  void invalidFileIsReportedAndFails() throws IOException {
    Path file = Fixtures.copy("anthropic/simple.yaml", dir);
    Files.writeString(file, Files.readString(file).replace("version: 2", "version: 3"));
    byte[] before = Files.readAllBytes(file);

    Cli run = Cli.run("fmt", dir.toString());

    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith(file + ":"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertTrue(run.err().endsWith("1 invalid, left as they are\n"), run.err());
    assertEquals("1 files, 0 changed", run.lastLine());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void wholeCorpusIsAlreadyFormatted() {
    Path corpus = SharedFiles.require("corpus/fantasy");
    Cli run = Cli.run("fmt", "--check", corpus.toString());
    assertEquals("350 files, 0 would change", run.lastLine(), run.out() + run.err());
    assertEquals(0, run.exit());
  }

  /**
   * Makes a valid cassette that go-vcr would write differently: a needlessly quoted scalar and two
   * header names out of their sorted order.
   */
  private static byte[] unformat(Path file) throws IOException {
    String text = Files.readString(file);
    String messy = text.replaceFirst("\n    proto: HTTP/1.1\n", "\n    proto: \"HTTP/1.1\"\n")
        .replaceFirst("\n      Accept:\n      - application/json\n      Content-Type:\n      - application/json\n",
            "\n      Content-Type:\n      - application/json\n      Accept:\n      - application/json\n");
    assertFalse(messy.equals(text), "fixture no longer has the expected shape");
    Files.writeString(file, messy, StandardCharsets.UTF_8);
    return Files.readAllBytes(file);
  }

  private static List<Path> listFolder(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.toList();
    }
  }
}
