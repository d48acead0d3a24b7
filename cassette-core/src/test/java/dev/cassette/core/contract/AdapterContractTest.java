package dev.cassette.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Multimap;
import dev.cassette.core.NoMatchingInteractionException;
import dev.cassette.core.Recorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every client adapter keeps, whatever its client: a subclass per adapter supplies the
 * {@link ContractClient}, and the same tests then hold for OkHttp and java.net.http alike. Modes, matching,
 * redaction and the recorded shape all come from the one {@link Recorder}; what an adapter must get right
 * is turning its client's requests and responses into cassette form and back without loss.
 */
public abstract class AdapterContractTest {
  @TempDir protected Path dir;

  /** The client under test, wired by its adapter. */
  protected abstract ContractClient client();

  static List<Scenario> scenarios() {
    return Scenario.all();
  }

  protected static Recorder recorder(Path cassette, Mode mode) {
    return Recorder.builder(cassette).mode(mode).build();
  }

  /** Records {@code scenario} live into {@code cassette}; returns what the caller saw. */
  public static Answer record(ContractClient client, Path cassette, Scenario scenario) throws Exception {
    try (LoopbackServer server = LoopbackServer.start()) {
      server.enqueue(scenario.reply());
      Call call = scenario.call().apply(server.url(""));
      Answer live;
      try (Recorder recorder = recorder(cassette, Mode.RECORD_ONLY)) {
        live = client.send(recorder, call);
      }
      LoopbackServer.Received received = server.takeRequest();
      assertNotNull(received, "the server saw the request");
      assertArrayEquals(call.body() == null ? new byte[0] : call.body(), received.body(),
          "the bytes sent are the bytes the caller gave");
      return live;
    }
  }

  /** Replays {@code scenario}'s call from {@code cassette}, no server listening. */
  public static Answer replay(ContractClient client, Path cassette, Scenario scenario, String base)
      throws IOException {
    try (Recorder recorder = recorder(cassette, Mode.REPLAY_ONLY)) {
      Answer replayed = client.send(recorder, scenario.call().apply(base));
      assertTrue(recorder.unusedInteractions().isEmpty(), "the recording answered");
      return replayed;
    }
  }

  /** What a caller can tell apart: status, protocol, body and every header the cassette kept. */
  public static void assertSameToTheCaller(Answer live, Answer replayed, Interaction recorded) {
    assertEquals(live.code(), replayed.code());
    assertEquals(live.proto(), replayed.proto());
    assertArrayEquals(live.body(), replayed.body());
    for (String name : recorded.response().headers().names()) {
      assertEquals(live.header(name), replayed.header(name), name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void recordsThenReplaysWithNoServer(Scenario scenario) throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    Answer live = record(client(), cassette, scenario);
    assertEquals(scenario.reply().code(), live.code());
    Cassette saved = Cassette.load(cassette);
    assertEquals(1, saved.interactions().size());
    Interaction interaction = saved.interactions().get(0);
    Call call = scenario.call().apply("http://127.0.0.1:1");
    assertEquals(call.method(), interaction.request().method());
    assertEquals(new String(call.body() == null ? new byte[0] : call.body(), StandardCharsets.UTF_8),
        interaction.request().body().text());
    assertEquals(scenario.reply().code(), interaction.response().code());
    assertArrayEquals(live.body(), interaction.response().body().bytes());

    Answer replayed = replay(client(), cassette, scenario, recordedBase(cassette));
    assertSameToTheCaller(live, replayed, interaction);
  }

  @Test
  void recordedShapeIsGoVcrs() throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    Scenario chat = Scenario.all().get(0);
    record(client(), cassette, chat);
    Interaction interaction = Cassette.load(cassette).interactions().get(0);
    assertEquals("HTTP/1.1", interaction.request().proto());
    assertEquals(Scenario.CHAT.length(), interaction.request().contentLength());
    assertEquals(Multimap.builder().add("Accept", "application/json").add("Content-Type", "application/json").build(),
        interaction.request().headers());
    assertEquals("HTTP/1.1", interaction.response().proto());
    assertEquals("200 OK", interaction.response().status());
    assertEquals(Scenario.COMPLETION.getBytes(StandardCharsets.UTF_8).length, interaction.response().contentLength());
    assertEquals(List.of("application/json"), interaction.response().headers().get("Content-Type"));
  }

  @Test
  void chunkedResponseIsRecordedAsGoDoes() throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    record(client(), cassette, Scenario.all().get(1));
    Interaction interaction = Cassette.load(cassette).interactions().get(0);
    assertEquals(List.of("chunked"), interaction.response().transferEncoding());
    assertEquals(-1, interaction.response().contentLength());
    assertEquals(Scenario.STREAM, interaction.response().body().text());
  }

  @Test
  void formAndQueryParametersAreParsedAsGoDoes() throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    record(client(), cassette, Scenario.all().get(5));
    Multimap form = Cassette.load(cassette).interactions().get(0).request().form();
    assertEquals(Multimap.builder().add("grant_type", "client_credentials").add("scope", "read write")
        .add("next", "/home").build(), form);
  }

  @Test
  void replayOnlyFailsAnUnmatchedRequestWithNoSocket() throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    Scenario chat = Scenario.all().get(0);
    record(client(), cassette, chat);
    try (LoopbackServer server = LoopbackServer.start();
        Recorder recorder = recorder(cassette, Mode.REPLAY_ONLY)) {
      IOException failure = assertThrows(IOException.class,
          () -> client().send(recorder, Call.get(server.url("/v1/models"))));
      assertTrue(failure instanceof NoMatchingInteractionException, "got " + failure);
      assertTrue(failure.getMessage().contains(cassette.toString()), failure.getMessage());
      assertEquals(0, server.requestCount(), "replay opened no socket");
    }
  }

  @Test
  void secretsNeverReachTheFileAndARealKeyStillMatches() throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    Scenario withKey = new Scenario("key in header and query",
        base -> new Call("GET", base + "/v1/models?api_key=sk-live-123",
            Multimap.builder().add("Accept", "application/json").add("Authorization", "Bearer sk-live-123").build(),
            null),
        Reply.of(200, "application/json", "{\"data\":[]}"));
    Answer live = record(client(), cassette, withKey);
    String file = Files.readString(cassette);
    assertFalse(file.contains("sk-live-123"), file);
    assertFalse(file.contains("Authorization"), file);
    Answer replayed = replay(client(), cassette, withKey, recordedBase(cassette));
    assertArrayEquals(live.body(), replayed.body());
  }

  /** The scheme, host and port of the first recorded request: the server that is gone by replay time. */
  public static String recordedBase(Path cassette) throws IOException {
    String url = Cassette.load(cassette).interactions().get(0).request().url();
    return url.substring(0, url.indexOf('/', "http://".length()));
  }

  @Test
  void passthroughRecordsNothing() throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    try (LoopbackServer server = LoopbackServer.start()) {
      server.enqueue(Reply.of(200, "application/json", "{}"));
      try (Recorder recorder = recorder(cassette, Mode.PASSTHROUGH)) {
        assertEquals(200, client().send(recorder, Call.get(server.url("/ping"))).code());
      }
      assertEquals(1, server.requestCount());
    }
    assertFalse(Files.exists(cassette));
  }

  /**
   * An ignored host goes to the network in every mode, even replay-only with a matching recording, and
   * nothing about it is recorded.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Mode.class)
  void anIgnoredHostGoesToTheNetworkUnrecordedInEveryMode(Mode mode) throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    try (LoopbackServer server = LoopbackServer.start()) {
      String url = server.url("/ping");
      Cassette.builder()
          .add(Interaction.of(dev.cassette.core.Request.builder().method("GET").url(url).build(),
              dev.cassette.core.Response.builder().code(200).status("200 OK").body("recorded").build()))
          .build().save(cassette);
      byte[] before = Files.readAllBytes(cassette);
      server.enqueue(Reply.of(200, "text/plain", "live"));
      try (Recorder recorder = Recorder.builder(cassette).mode(mode).ignoreHosts("127.0.0.1").build()) {
        assertEquals("live", text(client().send(recorder, Call.get(url))));
        assertTrue(recorder.recordedInteractions().isEmpty());
      }
      assertEquals(1, server.requestCount());
      if (mode != Mode.RECORD_ONLY) assertArrayEquals(before, Files.readAllBytes(cassette), "the file as it was");
      else assertEquals(List.of(), Cassette.load(cassette).interactions());
    }
  }

  @Test
  void newEpisodesReplayWhatIsRecordedAndAppendTheRest() throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    try (LoopbackServer server = LoopbackServer.start()) {
      server.enqueue(Reply.of(200, "text/plain", "first"));
      server.enqueue(Reply.of(200, "text/plain", "second"));
      try (Recorder recorder = recorder(cassette, Mode.RECORD_ONLY)) {
        client().send(recorder, Call.get(server.url("/one")));
      }
      try (Recorder recorder = recorder(cassette, Mode.REPLAY_WITH_NEW_EPISODES)) {
        assertEquals("first", text(client().send(recorder, Call.get(server.url("/one")))));
        assertEquals("second", text(client().send(recorder, Call.get(server.url("/two")))));
      }
      assertEquals(2, server.requestCount());
    }
    assertEquals(2, Cassette.load(cassette).interactions().size());
  }

  @Test
  void recordOnceRecordsAMissingCassetteThenReplaysIt() throws Exception {
    Path cassette = dir.resolve("cassette.yaml");
    try (LoopbackServer server = LoopbackServer.start()) {
      server.enqueue(Reply.of(200, "text/plain", "once"));
      String url = server.url("/once");
      try (Recorder recorder = recorder(cassette, Mode.RECORD_ONCE)) {
        assertTrue(recorder.isRecording());
        assertEquals("once", text(client().send(recorder, Call.get(url))));
      }
      try (Recorder recorder = recorder(cassette, Mode.RECORD_ONCE)) {
        assertFalse(recorder.isRecording());
        assertEquals("once", text(client().send(recorder, Call.get(url))));
      }
      assertEquals(1, server.requestCount());
    }
  }

  private static String text(Answer answer) {
    return new String(answer.body(), StandardCharsets.UTF_8);
  }
}
