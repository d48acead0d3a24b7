package dev.cassette.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Body;
import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import dev.cassette.core.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies cut out of the bytes before parsing ({@link LargeBodies}) read exactly as snakeyaml reads
 * them: every real cassette, read with every body cut, equals its ordinary reading.
 */
class LargeBodiesTest {
  /** Cuts every body of every file, however small. */
  private static final CassetteReader CUT_ALL = new CassetteReader().cuttingLargeBodies(0, 0);

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    return sameReading(SharedFiles.require("corpus/fantasy"));
  }

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    return sameReading(SharedFiles.fixtures());
  }

  private static Stream<DynamicTest> sameReading(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> {
      Cassette ordinary = new CassetteReader().read(f);
      Cassette cut = CUT_ALL.readCuttingLargeBodies(f, f.toString());
      // Null when the file has no body block of the plain shape, or a cut was not confirmed.
      if (cut != null) {
        assertEquals(ordinary, cut);
        CUT_FILES.incrementAndGet();
      }
    }));
  }

  /** Files read with their bodies cut: most real cassettes, else the comparison proves nothing. */
  private static final AtomicInteger CUT_FILES = new AtomicInteger();

  @AfterAll
  static void mostFilesWereReadWithTheirBodiesCut() {
    // 260 of the 358 files of the corpus and fixtures (the others hold no multi-line body).
    if (CUT_FILES.get() > 0) assertTrue(CUT_FILES.get() >= 5, CUT_FILES + " files cut");
  }

  @Test
  void everyChompingIndentationAndBlankLineReadsAsSnakeyamlReadsIt() throws IOException {
    String[] bodies = {
        "one line", "one line\n", "two\nlines\n\n\n", "\n\nleading breaks", "  indented first line\nand not",
        "inner\n\n\nblank lines", "trailing\n\n", "\n", "a\n  b\n    c\n", "tab\tinside\n",
        "data: {\"x\":1}\n\ndata: [DONE]\n\n", "ünïcödé ✓ 🎉\n"};
    Cassette.Builder b = Cassette.builder();
    for (String body : bodies) {
      b.add(Request.builder().method("POST").url("https://api.example.com/").body(body).build(),
          Response.builder().code(200).body(body).build());
    }
    for (var layout : dev.cassette.core.Layout.values()) {
      Path file = dir.resolve(layout + ".yaml");
      b.layout(layout).build().save(file);
      Cassette ordinary = new CassetteReader().read(file);
      assertEquals(ordinary, CUT_ALL.readCuttingLargeBodies(file, file.toString()));
      for (int i = 0; i < bodies.length; i++) {
        Interaction interaction = ordinary.interactions().get(i);
        assertEquals(bodies[i], interaction.response().body().text());
      }
    }
  }

  @Test
  void aHeaderInsideAnotherBlockIsLeftInIt() throws IOException {
    String tricky = "see below\n    body: |-\n        not a key\n";
    Path file = dir.resolve("tricky.yaml");
    Cassette cassette = Cassette.builder()
        .add(Request.builder().method("POST").url("https://api.example.com/").body(tricky).build(),
            Response.builder().code(200).body(tricky).build())
        .build();
    cassette.save(file);
    assertEquals(cassette, CUT_ALL.readCuttingLargeBodies(file, file.toString()));
  }

  @Test
  void whatOnlyLooksLikeABodyIsNotCutButReadTheOrdinaryWay() throws IOException {
    Path file = Files.writeString(dir.resolve("quoted.yaml"), """
        ---
        version: 2
        interactions:
        - id: 0
          request:
            method: POST
            url: "https://api.example.com/
              body: |-
                x"
          response:
            code: 200
        """);
    assertEquals(null, CUT_ALL.readCuttingLargeBodies(file, file.toString()));
    Cassette read = CUT_ALL.read(file);
    assertEquals("https://api.example.com/ body: |- x", read.interactions().get(0).request().url());
  }

  @Test
  void aLargeBodyIsReadIntoOneArray() throws IOException {
    String big = "data: {\"delta\":\"" + "x".repeat(100) + "\"}\n\n";
    Path file = dir.resolve("big.yaml");
    Cassette cassette = Cassette.builder()
        .add(Request.builder().method("GET").url("https://api.example.com/").build(),
            Response.builder().code(200).body(big.repeat(20_000)).build())
        .build();
    cassette.save(file);
    assertTrue(Files.size(file) > 2 << 20);
    Body body = new CassetteReader().cuttingLargeBodies(1 << 20, 1 << 20).read(file)
        .interactions().get(0).response().body();
    assertEquals(cassette.interactions().get(0).response().body(), body);
  }
}
