package compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.junit5.CassetteExtension;
import dev.cassette.junit5.UseCassette;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A project with no HTTP client library: cassette-junit5 brings the OkHttp adapter but not OkHttp, and
 * the extension names OkHttp only once a test asks for an OkHttpClient.
 */
class NoOkHttpTest {
  @RegisterExtension
  static CassetteExtension cassettes = CassetteExtension.builder()
      .dir(Path.of("../../fixtures"))
      .mode(Mode.REPLAY_ONLY)
      .allowUnused(true)
      .build();

  @Test
  void okHttpIsNotOnTheClassPath() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("okhttp3.OkHttpClient"));
  }

  @Test
  @UseCassette("anthropic/simple")
  void theRegisteredExtensionServesRecorderAndPath(Recorder recorder, Path file) {
    assertEquals(Mode.REPLAY_ONLY, recorder.mode());
    assertEquals(1, recorder.cassette().interactions().size());
    assertTrue(Files.isRegularFile(file), file.toString());
  }

  @Test
  @UseCassette(value = "NoOkHttpTest/recorded", dir = "target/cassettes", mode = Mode.RECORD_ONLY)
  void annotationAloneServesARecorder(Recorder recorder) {
    assertTrue(recorder.isRecording());
  }
}
