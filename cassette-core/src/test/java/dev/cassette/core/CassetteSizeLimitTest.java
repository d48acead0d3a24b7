package dev.cassette.core;

import static dev.cassette.core.Exchanges.get;
import static dev.cassette.core.Exchanges.interaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.yaml.CassetteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The reader's size limit, set where a user can reach it, and an error at the limit that says how. */
class CassetteSizeLimitTest {
  @TempDir Path dir;

  private Path cassetteOf(int bodyBytes) throws Exception {
    Path file = dir.resolve("big.yaml");
    Exchanges.cassette(interaction(get("https://api.example.com/big"), "x".repeat(bodyBytes))).save(file);
    return file;
  }

  @Test
  void theRecorderBuilderRaisesAndLowersTheLimit() throws Exception {
    Path file = cassetteOf(2000);
    long size = Files.size(file);

    CassetteFormatException e = assertThrows(CassetteFormatException.class,
        () -> Recorder.builder(file).mode(Mode.REPLAY_ONLY).maxCassetteBytes(1000).build());
    assertTrue(e.getMessage().contains("the input is " + size + " bytes, over the limit of 1000 bytes"),
        e.getMessage());

    Recorder recorder = Recorder.builder(file).mode(Mode.REPLAY_ONLY).maxCassetteBytes(size).build();
    assertEquals(1, recorder.cassette().interactions().size());
  }

  @Test
  void theErrorAtTheLimitSaysEveryWayToRaiseIt() throws Exception {
    Path file = cassetteOf(3 << 20);
    CassetteFormatException e = assertThrows(CassetteFormatException.class,
        () -> new CassetteReader().withMaxBytes(1 << 20).read(file));
    assertTrue(e.getMessage().startsWith(file + ": the input is " + Files.size(file)), e.getMessage());
    assertTrue(e.getMessage().contains("-Dcassette.maxBytes=4m"), e.getMessage());
    assertTrue(e.getMessage().contains("Recorder.builder(file).maxCassetteBytes(n)"), e.getMessage());
    assertTrue(e.getMessage().contains("new CassetteReader().withMaxBytes(n)"), e.getMessage());
  }

  @Test
  @ResourceLock("system-property:cassette.maxBytes")
  void theSystemPropertySetsTheDefaultLimit() throws Exception {
    Path file = cassetteOf(2000);
    String before = System.getProperty(CassetteReader.MAX_BYTES_PROPERTY);
    try {
      System.setProperty(CassetteReader.MAX_BYTES_PROPERTY, "1k");
      assertEquals(1024, new CassetteReader().maxBytes());
      assertThrows(CassetteFormatException.class, () -> Cassette.load(file));
      assertThrows(CassetteFormatException.class, () -> Recorder.builder(file).mode(Mode.REPLAY_ONLY).build());

      System.setProperty(CassetteReader.MAX_BYTES_PROPERTY, "128m");
      assertEquals(128L << 20, new CassetteReader().maxBytes());
      assertEquals(1, Cassette.load(file).interactions().size());

      System.setProperty(CassetteReader.MAX_BYTES_PROPERTY, "lots");
      IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, CassetteReader::new);
      assertTrue(bad.getMessage().startsWith("the system property cassette.maxBytes=lots is not a cassette"
          + " size limit"), bad.getMessage());
    } finally {
      if (before == null) System.clearProperty(CassetteReader.MAX_BYTES_PROPERTY);
      else System.setProperty(CassetteReader.MAX_BYTES_PROPERTY, before);
    }
  }
}
