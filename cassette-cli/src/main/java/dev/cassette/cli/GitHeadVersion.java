package dev.cassette.cli;

import dev.cassette.core.yaml.CassetteReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A file's committed version, for {@code cassette diff FILE}: what {@code git show HEAD:./NAME} prints
 * when run in the file's folder, so the file may sit in any repository, at any depth, whatever the
 * current directory. Git is run as a program (no library), with no prompt and no pager.
 *
 * <p>Git finds the repository from the file's folder alone: {@code GIT_DIR}, {@code GIT_WORK_TREE} and
 * {@code GIT_INDEX_FILE} are not passed on, because git sets them for its hooks (relative to the
 * repository's top), and {@code cassette diff} run from a pre-commit hook would otherwise read another
 * folder.
 */
final class GitHeadVersion {
  private GitHeadVersion() {}

  /** The bytes, or a problem worded for the terminal that names the file and what to do instead. */
  record Result(byte[] bytes, String problem) {}

  static Result read(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    String spec = "HEAD:./" + absolute.getFileName();
    ProcessBuilder builder = new ProcessBuilder(List.of("git", "-C", dir.toString(), "show", "--no-textconv", spec))
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    builder.environment().keySet().removeAll(List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX"));
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.environment().put("GIT_PAGER", "cat");
    builder.environment().put("LC_ALL", "C");
    Process git;
    try {
      git = builder.start();
    } catch (IOException e) {
      return failed(file + ": cannot run git to read the version in HEAD (" + e.getMessage()
          + "); compare two files instead: cassette diff OLD NEW");
    }
    try (InputStream out = git.getInputStream(); InputStream err = git.getErrorStream()) {
      byte[] bytes = out.readNBytes((int) CassetteReader.DEFAULT_MAX_BYTES + 1);
      if (bytes.length > CassetteReader.DEFAULT_MAX_BYTES) {
        git.destroy();
        return failed(file + ": the version in HEAD is over the limit of " + CassetteReader.DEFAULT_MAX_BYTES
            + " bytes for a cassette");
      }
      String message = new String(err.readNBytes(4096), StandardCharsets.UTF_8).strip();
      int status = git.waitFor();
      if (status == 0) return new Result(bytes, null);
      return failed(explain(file, message));
    } catch (IOException e) {
      return failed(file + ": cannot read the version in HEAD from git: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      git.destroy();
      return failed(file + ": interrupted while reading the version in HEAD from git");
    }
  }

  private static String explain(Path file, String gitMessage) {
    String first = gitMessage.lines().findFirst().orElse("").replaceFirst("^fatal: ", "");
    if (gitMessage.contains("not a git repository")) {
      return file + ": not in a git repository, so there is no version in HEAD to compare with;"
          + " compare two files instead: cassette diff OLD NEW";
    }
    if (gitMessage.contains("exists on disk, but not in") || gitMessage.contains("does not exist in")) {
      return file + ": not tracked in git HEAD (new or never committed), so there is nothing to compare"
          + " with; commit it first, or compare two files: cassette diff OLD NEW";
    }
    if (gitMessage.contains("invalid object name") || gitMessage.contains("bad revision")) {
      return file + ": the repository has no commit yet, so there is no version in HEAD to compare with";
    }
    return file + ": git could not show the version in HEAD: " + ControlCharacters.escape(first);
  }

  private static Result failed(String problem) {
    return new Result(null, problem);
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
