package dev.cassette.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands command-line paths into cassette files. A file named on the command line is taken whatever its
 * extension (the user asked for it); a folder is searched recursively for {@code *.yaml} and
 * {@code *.yml}, in sorted order so that output is the same on every machine.
 */
final class CassetteFiles {
  private CassetteFiles() {}

  /**
   * The cassette files under these paths, each once, in argument order.
   *
   * @throws UsageException when a path does not exist
   */
  static List<Path> expand(List<String> paths) throws UsageException {
    Set<Path> files = new LinkedHashSet<>();
    for (String arg : paths) {
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        files.addAll(walk(path));
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        throw new UsageException(arg + ": no such file or directory");
      }
    }
    return new ArrayList<>(files);
  }

  private static List<Path> walk(Path dir) throws UsageException {
    try (Stream<Path> tree = Files.walk(dir)) {
      return tree.filter(Files::isRegularFile).filter(CassetteFiles::isYaml).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new UsageException(dir + ": cannot list folder: " + e.getMessage());
    }
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
