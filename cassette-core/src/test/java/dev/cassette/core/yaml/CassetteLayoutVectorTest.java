package dev.cassette.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.core.Cassette;
import dev.cassette.core.CassetteLayout;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.core.SharedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each layout a user can choose for new files writes exactly what its Go writer writes, over the writer
 * vectors' hostile strings: the vectors of {@code govcr} are go-vcr's {@code Save}, those of
 * {@code govcr-legacy} go-vcr v4.0.0 to v4.0.2, those of {@code fantasy} fantasy's recorder.
 */
class CassetteLayoutVectorTest {
  @ParameterizedTest
  @CsvSource({"fantasy, COMPACT", "govcr, GO_VCR", "govcr-legacy, GO_VCR_LEGACY"})
  void aNewCassetteInThisLayoutIsWhatItsGoWriterWrites(String folder, CassetteLayout layout) throws Exception {
    Path vectors = SharedFiles.require("vectors");
    Cassette fresh = Recorder.builder(Path.of("unused.yaml")).mode(Mode.RECORD_ONLY).layout(layout).build()
        .cassette();
    List<String> differing = new ArrayList<>();
    int checked = 0;
    for (VectorCase c : VectorCase.all(vectors, folder)) {
      if (c.lossy()) continue; // Go's own bytes do not read back; VectorWriterTest covers these
      String written = fresh.toBuilder().interactions(c.cassette().interactions()).build().toYaml();
      if (!written.equals(new String(c.goYaml(), StandardCharsets.UTF_8))) differing.add(c.name());
      checked++;
    }
    assertEquals(List.of(), differing, folder + " vectors written differently in " + layout);
    assertEquals(true, checked > 250, folder + ": " + checked + " vectors");
  }
}
