package dev.cassette.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cassettes a benchmark runs over, read into memory once so that no benchmark measures the disk.
 *
 * <p>The folder is, in this order: the system property {@code cassette.corpus}; the given path (a JMH
 * {@code @Param}, relative to the working directory); or {@code shared/corpus/fantasy} in the nearest
 * ancestor of the working directory that has one, so the jar runs from any folder of a checkout.
 */
final class Corpus {
  private final Path folder;
  private final List<String> texts;
  private final long bytes;

  private Corpus(Path folder, List<String> texts, long bytes) {
    this.folder = folder;
    this.texts = texts;
    this.bytes = bytes;
  }

  static Corpus read(String configured) {
    Path folder = locate(configured);
    try (Stream<Path> tree = Files.walk(folder)) {
      List<Path> files = tree.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted().toList();
      if (files.isEmpty()) throw new IllegalStateException("no *.yaml cassettes under " + folder);
      long total = 0;
      List<String> texts = new java.util.ArrayList<>(files.size());
      for (Path file : files) {
        byte[] content = Files.readAllBytes(file);
        total += content.length;
        texts.add(new String(content, StandardCharsets.UTF_8));
      }
      return new Corpus(folder, List.copyOf(texts), total);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus under " + folder, e);
    }
  }

  private static Path locate(String configured) {
    String property = System.getProperty("cassette.corpus");
    if (property != null && !property.isBlank()) return existing(Path.of(property), "-Dcassette.corpus");
    Path given = Path.of(configured);
    if (Files.isDirectory(given)) return given;
    Optional<Path> found = Optional.empty();
    for (Path dir = Path.of("").toAbsolutePath(); dir != null && found.isEmpty(); dir = dir.getParent()) {
      found = Optional.of(dir.resolve("shared/corpus/fantasy")).filter(Files::isDirectory);
    }
    return found.orElseThrow(() -> new IllegalStateException("corpus not found: " + given.toAbsolutePath()
        + " does not exist and no ancestor has shared/corpus/fantasy;"
        + " pass -p corpus=DIR or -jvmArgsAppend -Dcassette.corpus=DIR"));
  }

  private static Path existing(Path path, String origin) {
    if (!Files.isDirectory(path)) throw new IllegalStateException(origin + ": " + path + " is not a folder");
    return path;
  }

  Path folder() {
    return folder;
  }

  /** Each cassette's text, in path order. */
  List<String> texts() {
    return texts;
  }

  /** The corpus size in bytes, as stored on disk. */
  long bytes() {
    return bytes;
  }

  /** The corpus size in megabytes (10^6 bytes), the unit throughput is reported in. */
  double megabytes() {
    return bytes / 1e6;
  }
}
