package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's {@code shared/} folder (the fantasy corpus and the writer vectors) beside the
 * checkout. Tests over it run whenever it is there; when it is missing they are skipped on a user's
 * machine, but fail under {@code CI=true}, where a missing corpus must never pass silently.
 */
public final class SharedFiles {
  private SharedFiles() {}

  /** The shared folder: {@code -Dcassette.shared=DIR}, else the first ancestor's {@code shared/}. */
  public static Optional<Path> root() {
    String configured = System.getProperty("cassette.shared");
    if (configured != null && !configured.isBlank()) return Optional.of(Path.of(configured));
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared");
      if (Files.isRegularFile(candidate.resolve("FORMAT.md"))) return Optional.of(candidate);
    }
    return Optional.empty();
  }

  /**
   * A folder under {@code shared/}, e.g. {@code corpus/fantasy}: skips the calling test when it is
   * missing, or fails it when the environment variable {@code CI} is {@code true}.
   */
  public static Path require(String relative) {
    Optional<Path> folder = root().map(r -> r.resolve(relative)).filter(Files::isDirectory);
    if (folder.isEmpty()) {
      String why = "shared/" + relative + " not found beside the checkout (or via -Dcassette.shared)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why + "; CI must run these tests");
      assumeTrue(false, why + "; skipped outside CI");
    }
    return folder.get();
  }

  /** The repository's own {@code fixtures/} folder. */
  public static Path fixtures() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("fixtures");
      if (Files.isDirectory(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))) return candidate;
    }
    throw new IllegalStateException("fixtures/ not found above " + Path.of("").toAbsolutePath());
  }
}
