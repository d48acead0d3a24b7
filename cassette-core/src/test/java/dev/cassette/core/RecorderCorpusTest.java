package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replays every corpus cassette from its own requests: with the default matcher and redaction, request
 * i must be answered by interaction i (identical requests are served in file order), and nothing may be
 * left over.
 */
class RecorderCorpusTest {
  @Test
  void everyCorpusCassetteReplaysItsOwnRequestsInOrder() throws Exception {
    Path corpus = SharedFiles.require("corpus/fantasy");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      try (Recorder recorder = Recorder.builder(file).mode(Mode.REPLAY_ONLY).build()) {
        List<Interaction> interactions = recorder.cassette().interactions();
        for (int i = 0; i < interactions.size(); i++) {
          Route route = recorder.route(interactions.get(i).request());
          assertTrue(route.isReplay(), file + " #" + i);
          assertEquals(interactions.get(i), route.interaction(), file + " #" + i);
        }
        assertTrue(recorder.unusedInteractions().isEmpty(), file.toString());
      }
    }
  }
}
