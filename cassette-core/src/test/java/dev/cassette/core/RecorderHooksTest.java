package dev.cassette.core;

import static dev.cassette.core.Exchanges.cassette;
import static dev.cassette.core.Exchanges.interaction;
import static dev.cassette.core.Exchanges.ok;
import static dev.cassette.core.Exchanges.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Recorder.Builder#beforeSave} and {@link Recorder.Builder#beforeReplay}. */
class RecorderHooksTest {
  private static final Request CHAT = post("https://api.example.com/v1/chat", "{\"q\":1}");

  @TempDir Path dir;

  /** Replaces the response body's {@code "id":"..."} with a fixed one. */
  private static final UnaryOperator<Interaction> STABLE_ID = interaction -> Interaction.of(interaction.request(),
      interaction.response().toBuilder()
          .body(interaction.response().body().text().replaceAll("\"id\":\"[^\"]*\"", "\"id\":\"stable\""))
          .build());

  private Path file() {
    return dir.resolve("cassette.yaml");
  }

  @Test
  void beforeSaveRewritesWhatIsWrittenAndSeesTheRedactedExchange() throws Exception {
    Request withKey = CHAT.toBuilder()
        .headers(Multimap.builder().add("Content-Type", "application/json").add("Authorization", "Bearer sk-1").build())
        .build();
    Interaction[] seen = new Interaction[1];
    Recorder recorder = Recorder.builder(file()).mode(Mode.RECORD_ONLY)
        .beforeSave(interaction -> {
          seen[0] = interaction;
          return STABLE_ID.apply(interaction);
        })
        .build();

    recorder.record(withKey, ok("{\"id\":\"chatcmpl-123\",\"answer\":42}"));
    recorder.stop();

    assertTrue(seen[0].request().headers().getIgnoreCase("Authorization").isEmpty(), "the hook saw a secret");
    Interaction saved = Cassette.load(file()).interactions().get(0);
    assertEquals("{\"id\":\"stable\",\"answer\":42}", saved.response().body().text());
  }

  @Test
  void beforeSaveIsNotAppliedToInteractionsLoadedFromTheFile() throws Exception {
    Interaction old = interaction(post("https://api.example.com/v1/old", "{}"), "{\"id\":\"old-1\"}");
    Recorder recorder = Recorder.builder(file()).mode(Mode.REPLAY_WITH_NEW_EPISODES).cassette(cassette(old))
        .beforeSave(STABLE_ID).build();

    recorder.record(CHAT, ok("{\"id\":\"new-1\"}"));

    List<Interaction> interactions = recorder.cassette().interactions();
    assertEquals("{\"id\":\"old-1\"}", interactions.get(0).response().body().text());
    assertEquals("{\"id\":\"stable\"}", interactions.get(1).response().body().text());
  }

  @Test
  void aFailingBeforeSaveFailsTheCallNamingTheHookAndRecordsNothing() {
    Recorder recorder = Recorder.builder(file()).mode(Mode.RECORD_ONLY)
        .beforeSave(interaction -> {
          throw new IllegalArgumentException("no id in body");
        })
        .build();

    HookFailedException e = assertThrows(HookFailedException.class, () -> recorder.record(CHAT, ok("{}")));

    assertEquals("beforeSave hook of the recorder for " + file() + " failed on POST https://api.example.com/v1/chat:"
        + " java.lang.IllegalArgumentException: no id in body", e.getMessage());
    assertTrue(e.getCause() instanceof IllegalArgumentException);
    assertTrue(recorder.cassette().interactions().isEmpty());
  }

  @Test
  void aHookReturningNullFails() {
    Recorder recorder = Recorder.builder(file()).mode(Mode.RECORD_ONLY).beforeSave(interaction -> null).build();
    HookFailedException e = assertThrows(HookFailedException.class, () -> recorder.record(CHAT, ok("{}")));
    assertTrue(e.getMessage().startsWith("beforeSave hook of the recorder for "), e.getMessage());
    assertTrue(e.getMessage().endsWith(": it returned null; return the interaction to keep it"), e.getMessage());
  }

  @Test
  void beforeReplayServesTheHooksVersionAndLeavesTheCassetteAlone() throws Exception {
    Interaction recorded = interaction(CHAT, "{\"id\":\"chatcmpl-1\"}");
    Files.writeString(file(), cassette(recorded).toYaml());
    byte[] before = Files.readAllBytes(file());
    Recorder recorder = Recorder.builder(file()).mode(Mode.REPLAY_WITH_NEW_EPISODES).beforeReplay(STABLE_ID).build();

    Route route = recorder.route(CHAT);

    assertTrue(route.isReplay());
    assertEquals("{\"id\":\"stable\"}", route.interaction().response().body().text());
    assertEquals(recorded, recorder.cassette().interactions().get(0));
    recorder.stop();
    assertEquals(new String(before), Files.readString(file()));
  }

  @Test
  void aFailingBeforeReplayFailsTheCallNamingTheHook() {
    Recorder recorder = Recorder.builder(file()).mode(Mode.REPLAY_ONLY)
        .cassette(cassette(interaction(CHAT, "{}")))
        .beforeReplay(interaction -> {
          throw new IllegalStateException("clock broken");
        })
        .build();

    HookFailedException e = assertThrows(HookFailedException.class, () -> recorder.route(CHAT));

    assertTrue(e.getMessage().startsWith("beforeReplay hook of the recorder for " + file()
        + " failed on POST https://api.example.com/v1/chat: "), e.getMessage());
    assertTrue(e.getMessage().contains("clock broken"), e.getMessage());
  }

  @Test
  void beforeReplayIsNotAppliedToRequestsThatGoToTheNetwork() throws Exception {
    boolean[] called = new boolean[1];
    Recorder recorder = Recorder.builder(file()).mode(Mode.RECORD_ONLY)
        .beforeReplay(interaction -> {
          called[0] = true;
          return interaction;
        })
        .build();
    assertFalse(recorder.route(CHAT).isReplay());
    assertFalse(called[0]);
  }
}
