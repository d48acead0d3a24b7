package dev.cassette.core;

import static dev.cassette.core.Exchanges.get;
import static dev.cassette.core.Exchanges.interaction;
import static dev.cassette.core.Exchanges.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mode table's file columns: which files are loaded, and which are saved at stop. */
class RecorderFileTest {
  private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("sub/cassette.yaml");
  }

  /** A cassette file holding one GET interaction, its modification time set far in the past. */
  private byte[] existing() throws Exception {
    Exchanges.cassette(interaction(get("https://api.example.com/v1/models"), "models")).save(file());
    Files.setLastModifiedTime(file(), LONG_AGO);
    return Files.readAllBytes(file());
  }

  private Recorder recorder(Mode mode) {
    return Recorder.builder(file()).mode(mode).build();
  }

  private static void recordOne(Recorder recorder, String url) throws Exception {
    Request request = get(url);
    assertTrue(recorder.route(request).shouldRecord());
    recorder.record(request, ok("from " + url));
  }

  private void assertUntouched(byte[] before) throws Exception {
    assertArrayEquals(before, Files.readAllBytes(file()));
    assertEquals(LONG_AGO, Files.getLastModifiedTime(file()), "the file was written");
  }

  private static Path fixture(String relative) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("fixtures").resolve(relative);
      if (Files.isRegularFile(candidate)) return candidate;
    }
    throw new IllegalStateException("fixtures/" + relative + " not found above " + Path.of("").toAbsolutePath());
  }

  @Test
  void recordOnlyWithoutFileCreatesIt() throws Exception {
    try (Recorder recorder = recorder(Mode.RECORD_ONLY)) {
      recordOne(recorder, "https://api.example.com/a");
    }
    Cassette saved = Cassette.load(file());
    assertEquals(1, saved.interactions().size());
    assertEquals("https://api.example.com/a", saved.interactions().get(0).request().url());
  }

  @Test
  void recordOnlyIgnoresAndOverwritesAnExistingFile() throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "not a cassette: [");
    try (Recorder recorder = recorder(Mode.RECORD_ONLY)) {
      recordOne(recorder, "https://api.example.com/b");
    }
    Cassette saved = Cassette.load(file());
    assertEquals(List.of("https://api.example.com/b"), urls(saved));
  }

  @Test
  void replayOnlyLoadsAndNeverSaves() throws Exception {
    byte[] before = existing();
    try (Recorder recorder = recorder(Mode.REPLAY_ONLY)) {
      assertTrue(recorder.route(get("https://api.example.com/v1/models")).isReplay());
    }
    assertUntouched(before);
  }

  @Test
  void replayOnlyReportsABrokenFile() throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "---\nversion: 1\ninteractions: []\n");
    CassetteFormatException e = assertThrows(CassetteFormatException.class, () -> recorder(Mode.REPLAY_ONLY));
    assertTrue(e.getMessage().contains("cassette.yaml"), e.getMessage());
  }

  @Test
  void recordOnceWithoutFileRecordsAndSaves() throws Exception {
    try (Recorder recorder = recorder(Mode.RECORD_ONCE)) {
      recordOne(recorder, "https://api.example.com/a");
      recordOne(recorder, "https://api.example.com/b");
    }
    assertEquals(List.of("https://api.example.com/a", "https://api.example.com/b"), urls(Cassette.load(file())));
  }

  @Test
  void recordOnceWithFileReplaysAndNeverSaves() throws Exception {
    byte[] before = existing();
    try (Recorder recorder = recorder(Mode.RECORD_ONCE)) {
      assertFalse(recorder.isRecording());
      assertTrue(recorder.route(get("https://api.example.com/v1/models")).isReplay());
      assertThrows(NoMatchingInteractionException.class, () -> recorder.route(get("https://api.example.com/new")));
    }
    assertUntouched(before);
  }

  @Test
  void newEpisodesWithoutFileCreatesIt() throws Exception {
    try (Recorder recorder = recorder(Mode.REPLAY_WITH_NEW_EPISODES)) {
      recordOne(recorder, "https://api.example.com/a");
    }
    assertEquals(List.of("https://api.example.com/a"), urls(Cassette.load(file())));
  }

  @Test
  void newEpisodesAppendsAndKeepsTheFilesLayoutAndProfile() throws Exception {
    Files.createDirectories(file().getParent());
    Files.copy(fixture("govcr/anthropic_web_search_stream.yaml"), file());
    Cassette original = Cassette.load(file());
    assertEquals(Layout.INDENTED, original.layout());

    try (Recorder recorder = recorder(Mode.REPLAY_WITH_NEW_EPISODES)) {
      Request first = original.interactions().get(0).request();
      assertTrue(recorder.route(first).isReplay());
      recordOne(recorder, "https://api.example.com/new");
    }
    Cassette saved = Cassette.load(file());
    assertEquals(Layout.INDENTED, saved.layout());
    assertEquals(original.profile(), saved.profile());
    assertEquals(original.interactions(), saved.interactions().subList(0, original.interactions().size()));
    assertEquals("https://api.example.com/new", saved.interactions().get(original.interactions().size()).request().url());
  }

  @Test
  void newEpisodesSavesAnUnchangedCassetteByteForByte() throws Exception {
    Path fixture = fixture("anthropic/simple.yaml");
    Files.createDirectories(file().getParent());
    Files.copy(fixture, file());
    recorder(Mode.REPLAY_WITH_NEW_EPISODES).close();
    assertArrayEquals(Files.readAllBytes(fixture), Files.readAllBytes(file()));
  }

  @Test
  void passthroughNeitherLoadsNorSaves() throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "not a cassette: [");
    Files.setLastModifiedTime(file(), LONG_AGO);
    byte[] before = Files.readAllBytes(file());
    try (Recorder recorder = recorder(Mode.PASSTHROUGH)) {
      assertFalse(recorder.route(get("https://api.example.com/a")).shouldRecord());
    }
    assertUntouched(before);

    Path missing = dir.resolve("missing.yaml");
    Recorder.builder(missing).mode(Mode.PASSTHROUGH).build().close();
    assertFalse(Files.exists(missing));
  }

  @Test
  void savedYamlHoldsNoSecret() throws Exception {
    try (Recorder recorder = recorder(Mode.RECORD_ONLY)) {
      recorder.record(RedactionTest.secretRequest(), RedactionTest.secretResponse());
      RedactionTest.assertNoSecret(recorder.cassette().toYaml());
    }
    String yaml = Files.readString(file(), StandardCharsets.UTF_8);
    RedactionTest.assertNoSecret(yaml);
    assertTrue(yaml.contains("key=<KEY>"), yaml);
    assertTrue(yaml.contains("<API_KEY>"), yaml);

    try (Recorder replay = recorder(Mode.REPLAY_ONLY)) {
      assertTrue(replay.route(RedactionTest.secretRequest()).isReplay(), "the real key matches the redacted file");
    }
  }

  @Test
  void sixteenThreadsRecordEverythingWithDenseIds() throws Exception {
    int threads = 16;
    int perThread = 20;
    try (Recorder recorder = recorder(Mode.RECORD_ONLY)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) recordOne(recorder, "https://api.example.com/" + thread + "/" + i);
          return null;
        }));
      }
      for (Future<?> f : futures) f.get(30, TimeUnit.SECONDS);
      pool.shutdown();
    }
    String yaml = Files.readString(file(), StandardCharsets.UTF_8);
    for (int id = 0; id < threads * perThread; id++) {
      assertTrue(yaml.contains("- id: " + id + "\n"), "id " + id);
    }
    assertFalse(yaml.contains("- id: " + threads * perThread + "\n"));
    assertEquals(threads * perThread, Cassette.load(file()).interactions().size());
  }

  private static List<String> urls(Cassette cassette) {
    List<String> out = new ArrayList<>();
    for (Interaction i : cassette.interactions()) out.add(i.request().url());
    return out;
  }
}
