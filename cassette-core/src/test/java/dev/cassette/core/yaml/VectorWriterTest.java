package dev.cassette.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.cassette.core.Cassette;
import dev.cassette.core.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Writes every cassette of {@code shared/vectors} and compares the bytes with what Go wrote, and reads
 * Go's bytes back to the same cassette. For the vectors Go itself cannot read back ({@code LOSSY.txt})
 * our output must instead differ from Go's and read back to the same cassette.
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
      tests.add(DynamicTest.dynamicTest(c + " written", () -> checkWritten(c)));
      tests.add(DynamicTest.dynamicTest(c + " read back", () -> checkReadBack(c)));
    }
    return tests.stream();
  }

  /** Go's bytes exactly; for a LOSSY vector, different bytes. */
  private static void checkWritten(VectorCase c) throws IOException {
    String written = c.cassette().toYaml();
    String expected = new String(c.goYaml(), StandardCharsets.UTF_8);
    if (c.lossy()) {
      assertNotEquals(expected, written, c + ": Go's bytes do not read back, ours must differ");
    } else if (!expected.equals(written)) {
      Path actual = saveForDiff(c, written);
      assertEquals(expected, written, c + " differs from Go's bytes; ours are in " + actual);
    }
  }

  /** Go's bytes read back to the vector's data; for a LOSSY vector, ours do. */
  private static void checkReadBack(VectorCase c) {
    if (c.lossy()) {
      assertReadsBack(c, c.cassette().toYaml(), "our");
    } else {
      assertReadsBack(c, new String(c.goYaml(), StandardCharsets.UTF_8), "Go's");
    }
  }

  /**
   * The YAML reads back to the vector's interactions and saves back to the same bytes. Layout and
   * profile are checked through the bytes, since an empty cassette, or one with no empty optional
   * field, is written the same in either.
   */
  private static void assertReadsBack(VectorCase c, String yaml, String whose) {
    Cassette read = Cassette.parse(yaml);
    assertEquals(c.cassette().interactions(), read.interactions(), c + ": " + whose + " bytes read back differently");
    assertEquals(yaml, read.toYaml(), c + ": " + whose + " bytes, read and saved, changed");
  }

  /** Keeps a mismatching output under target/ so that it can be diffed against the vector. */
  private static Path saveForDiff(VectorCase c, String written) throws IOException {
    Path dir = Path.of("target", "vector-out", c.folder());
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(c.name() + ".yaml"), written).toAbsolutePath();
  }
}
