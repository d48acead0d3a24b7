package dev.cassette.cli;

import dev.cassette.core.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies the repository's fixture cassettes into a scratch folder, so commands may rewrite them. */
final class Fixtures {
  private Fixtures() {}

  /** Copies every fixture cassette under {@code target}, keeping the relative paths; returns the copies. */
  static List<Path> copyTo(Path target) throws IOException {
    Path source = SharedFiles.fixtures();
    try (Stream<Path> tree = Files.walk(source)) {
      return tree.filter(p -> p.toString().endsWith(".yaml")).sorted().map(p -> {
        Path copy = target.resolve(source.relativize(p).toString());
        try {
          Files.createDirectories(copy.getParent());
          return Files.copy(p, copy);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    }
  }

  /** A copy of one fixture, e.g. {@code huggingface/multi_tool_streaming.yaml}, under {@code target}. */
  static Path copy(String name, Path target) throws IOException {
    Path copy = target.resolve(name);
    Files.createDirectories(copy.getParent());
    return Files.copy(SharedFiles.fixtures().resolve(name), copy);
  }
}
