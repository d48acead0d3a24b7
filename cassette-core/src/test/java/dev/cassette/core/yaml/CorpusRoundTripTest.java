package dev.cassette.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.core.Cassette;
import dev.cassette.core.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real cassette (the fantasy corpus and the repository's fixtures) loads and saves back to
 * exactly its original bytes: the promise that loading and saving an unchanged cassette changes
 * nothing.
 */
class CorpusRoundTripTest {
  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    Path corpus = SharedFiles.require("corpus/fantasy");
    List<Path> files = yamlFiles(corpus);
    assertEquals(350, files.size(), "corpus/fantasy cassettes");
    return files.stream().map(f -> DynamicTest.dynamicTest(corpus.relativize(f).toString(), () -> roundTrip(f)));
  }

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    Path fixtures = SharedFiles.fixtures();
    return yamlFiles(fixtures).stream()
        .map(f -> DynamicTest.dynamicTest(fixtures.relativize(f).toString(), () -> roundTrip(f)));
  }

  private static void roundTrip(Path file) throws IOException {
    String original = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals(original, Cassette.load(file).toYaml(), file + " changed on load and save");
  }

  private static List<Path> yamlFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
