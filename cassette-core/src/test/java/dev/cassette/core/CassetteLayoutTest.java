package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout of new cassette files: a Go team saving a Java-recorded cassette with go-vcr must get the
 * same bytes back, so a new file in {@link CassetteLayout#GO_VCR} is what go-vcr's {@code Save} writes.
 */
class CassetteLayoutTest {
  @TempDir Path dir;

  /**
   * Records the interactions of a file go-vcr wrote, afresh, into a new file in this layout: the bytes
   * must be go-vcr's. Nothing is redacted, so that the content is the same.
   */
  private String recordAfresh(Path goVcrFile, CassetteLayout layout) throws IOException {
    Cassette original = Cassette.load(goVcrFile);
    Path file = dir.resolve(goVcrFile.getFileName().toString());
    Files.deleteIfExists(file);
    try (Recorder recorder = Recorder.builder(file).mode(Mode.RECORD_ONLY).redaction(Redaction.none())
        .layout(layout).build()) {
      for (Interaction interaction : original.interactions()) {
        recorder.record(interaction.request(), interaction.response());
      }
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void aNewFileInTheGoVcrLayoutIsWhatGoVcrWrites() throws Exception {
    Path goVcr = SharedFiles.fixtures().resolve("govcr/anthropic_web_search_stream.yaml");
    assertEquals(Files.readString(goVcr), recordAfresh(goVcr, CassetteLayout.GO_VCR));
  }

  /**
   * Every file of the corpus, recorded afresh in its own layout (go-vcr's or the default), is written
   * as it was; compared in memory, since saving is what the test above covers.
   */
  @Test
  void corpusFilesRecordedAfreshInTheirLayoutAreUnchanged() throws Exception {
    Path corpus = SharedFiles.require("corpus/fantasy");
    List<Path> files;
    try (Stream<Path> all = Files.walk(corpus)) {
      files = all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    List<String> differing = new ArrayList<>();
    int indented = 0;
    for (Path file : files) {
      Cassette original = Cassette.load(file);
      if (original.profile() != FieldProfile.MODERN) continue;
      boolean goVcr = original.layout() == Layout.INDENTED;
      if (goVcr) indented++;
      Recorder recorder = Recorder.builder(dir.resolve("never-saved.yaml")).mode(Mode.RECORD_ONLY)
          .redaction(Redaction.none()).layout(goVcr ? CassetteLayout.GO_VCR : CassetteLayout.COMPACT).build();
      for (Interaction i : original.interactions()) recorder.record(i.request(), i.response());
      String written = recorder.cassette().toYaml();
      if (!written.equals(Files.readString(file))) differing.add(corpus.relativize(file).toString());
    }
    assertTrue(indented > 0, "the corpus holds a file in go-vcr's layout");
    assertEquals(List.of(), differing);
  }

  @Test
  void newFilesAreCompactByDefault() throws Exception {
    Path goVcr = SharedFiles.fixtures().resolve("govcr/anthropic_web_search_stream.yaml");
    Path file = dir.resolve("default.yaml");
    try (Recorder recorder = Recorder.builder(file).mode(Mode.RECORD_ONLY).redaction(Redaction.none()).build()) {
      for (Interaction i : Cassette.load(goVcr).interactions()) recorder.record(i.request(), i.response());
    }
    Cassette saved = Cassette.load(file);
    assertEquals(Layout.COMPACT, saved.layout());
    assertEquals(Cassette.load(goVcr).interactions(), saved.interactions());
  }

  @Test
  void aLoadedCassetteKeepsItsOwnLayout() throws Exception {
    Path compact = SharedFiles.fixtures().resolve("anthropic/simple.yaml");
    Path file = dir.resolve("simple.yaml");
    Files.copy(compact, file);
    try (Recorder recorder = Recorder.builder(file).mode(Mode.REPLAY_WITH_NEW_EPISODES)
        .layout(CassetteLayout.GO_VCR).build()) {
      assertEquals(Layout.COMPACT, recorder.cassette().layout());
    }
    assertEquals(Files.readString(compact), Files.readString(file), "saved again unchanged, still compact");
  }

  @Test
  void legacyWritesEveryField() throws Exception {
    Path file = dir.resolve("legacy.yaml");
    try (Recorder recorder = Recorder.builder(file).mode(Mode.RECORD_ONLY)
        .layout(CassetteLayout.GO_VCR_LEGACY).build()) {
      recorder.record(Request.builder().url("https://api.example.com/").build(), Response.builder().build());
    }
    String yaml = Files.readString(file);
    assertTrue(yaml.contains("\n    - id: 0\n") && yaml.contains("transfer_encoding: []"), yaml);
    assertEquals(FieldProfile.LEGACY, Cassette.load(file).profile());
  }

  @Test
  void namesForProperties() {
    assertEquals(CassetteLayout.GO_VCR, CassetteLayout.fromName("go-vcr"));
    assertEquals(CassetteLayout.GO_VCR, CassetteLayout.fromName(" GO_VCR "));
    assertEquals(CassetteLayout.GO_VCR_LEGACY, CassetteLayout.fromName("Go-Vcr-Legacy"));
    assertEquals(CassetteLayout.COMPACT, CassetteLayout.fromName("compact"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CassetteLayout.fromName("yaml"));
    assertEquals("unknown cassette layout 'yaml': use one of compact, go-vcr, go-vcr-legacy", e.getMessage());
  }
}
