package dev.cassette.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.cassette.core.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Writes every cassette of {@code shared/vectors} and compares the bytes with what Go wrote. For the
 * vectors Go itself cannot read back ({@code LOSSY.txt}) our output must instead read back to the
 * same data.
 */
class VectorWriterTest {
  @TestFactory
  Stream<DynamicTest> fantasy() throws IOException {
    return tests("fantasy");
  }

  @TestFactory
  Stream<DynamicTest> govcr() throws IOException {
    return tests("govcr");
  }

  @TestFactory
  Stream<DynamicTest> govcrLegacy() throws IOException {
    return tests("govcr-legacy");
  }

  private static Stream<DynamicTest> tests(String folder) throws IOException {
    Path vectors = SharedFiles.require("vectors");
    List<DynamicTest> tests = new ArrayList<>();
    for (VectorCase c : VectorCase.all(vectors, folder)) {
      tests.add(DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }
    return tests.stream();
  }

  private static void check(VectorCase c) {
    String written = c.cassette().toYaml();
    String expected = new String(c.goYaml(), StandardCharsets.UTF_8);
    if (!c.lossy()) {
      if (!expected.equals(written)) {
        try {
          java.nio.file.Path d = java.nio.file.Path.of("target/vector-out", c.folder());
          java.nio.file.Files.createDirectories(d);
          java.nio.file.Files.writeString(d.resolve(c.name() + ".yaml"), written);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      assertEquals(expected, written, c + " differs from Go's bytes");
      return;
    }
    assertNotEquals(expected, written, c + ": Go's bytes do not read back, ours must differ");
    ReadBack.assertReadsBackTo(c.cassette(), written, c.toString());
  }
}
