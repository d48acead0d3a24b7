package dev.cassette.cli;

import static dev.cassette.cli.Recordings.CHAT;
import static dev.cassette.cli.Recordings.json;
import static dev.cassette.cli.Recordings.save;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cassette diff FILE}: the file against its version in git HEAD, in a scratch repository. */
class DiffAgainstGitHeadTest {
  @TempDir Path dir;

  @BeforeAll
  static void gitIsInstalled() {
    boolean installed;
    try {
      installed = new ProcessBuilder("git", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      installed = false;
    }
    assumeTrue(installed, "git is not installed");
  }

  private void git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=Test",
        "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeAll(List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX"));
    Process git = builder.start();
    String output = new String(git.getInputStream().readAllBytes());
    assertEquals(0, git.waitFor(), String.join(" ", command) + ": " + output);
  }

  @Test
  void changedFileIsComparedWithItsCommittedVersion() throws Exception {
    git("init", "-q");
    Path file = save(Files.createDirectories(dir.resolve("src/cassettes")).resolve("chat.yaml"),
        json(CHAT, "{\"n\":1}", 200, "{\"answer\":1}", "req_1", 10));
    git("add", ".");
    git("commit", "-q", "-m", "record");

    Cli same = Cli.run("diff", file.toString());
    assertEquals(0, same.exit(), same.out() + same.err());
    assertTrue(same.out().startsWith("--- HEAD:" + file + "\n+++ " + file + "\n"), same.out());

    save(file, json(CHAT, "{\"n\":1}", 200, "{\"answer\":2}", "req_2", 20));
    Cli changed = Cli.run("diff", file.toString());
    assertEquals(1, changed.exit(), changed.out() + changed.err());
    assertTrue(changed.out().contains("\n#0 POST " + CHAT + "\n  response /answer: 1 -> 2\n"), changed.out());
  }

  @Test
  void fileOutsideGitIsAnErrorThatSaysWhatToDo() throws IOException {
    Path file = save(dir.resolve("chat.yaml"), json(CHAT, "{}", 200, "{}", "r", 1));
    Cli run = Cli.run("diff", file.toString());
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertEquals(file + ": not in a git repository, so there is no version in HEAD to compare with;"
        + " compare two files instead: cassette diff OLD NEW\n", run.err());
  }

  @Test
  void untrackedFileIsAnErrorThatSaysWhatToDo() throws Exception {
    git("init", "-q");
    save(dir.resolve("other.yaml"), json(CHAT, "{}", 200, "{}", "r", 1));
    git("add", ".");
    git("commit", "-q", "-m", "first");
    Path file = save(dir.resolve("chat.yaml"), json(CHAT, "{}", 200, "{}", "r", 1));

    Cli run = Cli.run("diff", file.toString());

    assertEquals(2, run.exit());
    assertEquals(file + ": not tracked in git HEAD (new or never committed), so there is nothing to compare"
        + " with; commit it first, or compare two files: cassette diff OLD NEW\n", run.err());
  }

  @Test
  void brokenCommittedVersionIsNamedAsGitNamesIt() throws Exception {
    git("init", "-q");
    Path file = dir.resolve("chat.yaml");
    Files.writeString(file, "---\nversion: 2\ninteractions:\n- id: 0\n  request: [\n");
    git("add", ".");
    git("commit", "-q", "-m", "broken");
    save(file, json(CHAT, "{}", 200, "{}", "r", 1));

    Cli run = Cli.run("diff", file.toString());

    assertEquals(2, run.exit());
    assertTrue(run.err().matches("(?s)HEAD:" + java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: .*"),
        run.err());
  }
}
