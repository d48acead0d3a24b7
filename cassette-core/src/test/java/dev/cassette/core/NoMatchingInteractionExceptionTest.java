package dev.cassette.core;

import static dev.cassette.core.Exchanges.get;
import static dev.cassette.core.Exchanges.interaction;
import static dev.cassette.core.Exchanges.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoMatchingInteractionExceptionTest {
  private static final String CHAT = "https://api.example.com/v1/chat";

  @TempDir Path dir;

  private String messageFor(Cassette cassette, Request live) {
    Recorder recorder = Recorder.builder(dir.resolve("chat.yaml")).mode(Mode.REPLAY_ONLY).cassette(cassette).build();
    NoMatchingInteractionException e =
        assertThrows(NoMatchingInteractionException.class, () -> recorder.route(live));
    assertTrue(e instanceof IOException, "clients report it where they report network failures");
    return e.getMessage();
  }

  @Test
  void namesCassetteModeAndRequest() {
    String message = messageFor(Exchanges.cassette(interaction(get(CHAT), "x")), post(CHAT, "{\"q\":\"hello\"}"));
    assertTrue(message.startsWith("No recorded interaction matches POST " + CHAT + "\n"), message);
    assertTrue(message.contains(dir.resolve("chat.yaml").toAbsolutePath().toString()), message);
    assertTrue(message.contains("mode REPLAY_ONLY"), message);
    assertTrue(message.contains("request body (13 bytes): {\"q\":\"hello\"}"), message);
  }

  @Test
  void namesTheHeadersThatDifferWhenTheMatcherComparesThem() {
    Request recorded = get(CHAT).toBuilder()
        .headers(Multimap.builder().add("Accept", "application/json").add("User-Agent", "app/1").build()).build();
    Request live = get(CHAT).toBuilder()
        .headers(Multimap.builder().add("accept", "text/event-stream").add("User-Agent", "app/1").build()).build();
    Recorder recorder = Recorder.builder(dir.resolve("chat.yaml")).mode(Mode.REPLAY_ONLY)
        .matcher(Matchers.methodUrlBody().and(Matchers.headers("Accept")))
        .cassette(Exchanges.cassette(interaction(recorded, "x"))).build();
    String message = assertThrows(NoMatchingInteractionException.class, () -> recorder.route(live)).getMessage();
    assertTrue(message.contains("header Accept: recorded application/json, live text/event-stream"), message);
    assertFalse(message.contains("header User-Agent"), message);
    assertTrue(message.contains("compares more than these, such as the headers above"), message);
  }

  /**
   * Re-recording fixes a changed request; appending (new-episodes) leaves the old recording unused, which
   * fails a strict test, so the message must not offer it as a fix.
   */
  @Test
  void advisesRecordingAgainNotAppending() {
    String message = messageFor(Exchanges.cassette(), get(CHAT));
    assertTrue(message.contains("The cassette holds no interactions.\nTo fix it, record the cassette again"
        + " in mode RECORD_ONLY"), message);
    assertTrue(message.contains("-Dcassette.mode=record)"), message);
    assertFalse(message.contains("-Dcassette.mode=new-episodes"), message);
  }

  @Test
  void reportAndAdviceAreApartSoACallerCanGiveItsOwnAdvice() {
    Recorder recorder = Recorder.builder(dir.resolve("chat.yaml")).mode(Mode.REPLAY_ONLY)
        .cassette(Exchanges.cassette()).build();
    NoMatchingInteractionException e =
        assertThrows(NoMatchingInteractionException.class, () -> recorder.route(get(CHAT)));
    assertEquals(e.report() + "\n" + e.advice(), e.getMessage());
    assertFalse(e.report().contains("RECORD_ONLY"), e.report());

    NoMatchingInteractionException advised = new NoMatchingInteractionException(e.report(), "Run: mvn test");
    assertEquals(e.report() + "\nRun: mvn test", advised.getMessage());
    assertEquals("plain", new NoMatchingInteractionException("plain").getMessage());
    assertEquals("", new NoMatchingInteractionException("plain").advice());
  }

  @Test
  void bodyExcerptIsCutAt200Characters() {
    String longBody = "{\"text\":\"" + "a".repeat(500) + "\"}";
    String message = messageFor(Exchanges.cassette(), post(CHAT, longBody));
    String line = message.lines().filter(l -> l.contains("request body")).findFirst().orElseThrow();
    assertTrue(line.endsWith("..."), line);
    assertTrue(line.length() < 200 + 40, line);
    assertTrue(line.contains("(511 bytes)"), line);
  }

  @Test
  void showsJsonPointerOfEachBodyDifference() {
    Cassette cassette = Exchanges.cassette(
        interaction(post(CHAT, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"t\":1}"), "r"));
    String message = messageFor(cassette,
        post(CHAT, "{\"t\":1.0,\"messages\":[{\"content\":\"hello\",\"role\":\"user\"}],\"model\":\"m\",\"extra\":true}"));
    assertTrue(message.contains("#0 POST " + CHAT + " (method, URL agree; body differs)"), message);
    assertTrue(message.contains("body /messages/0/content: recorded \"hi\", live \"hello\""), message);
    assertTrue(message.contains("body /extra: recorded (absent), live true"), message);
    assertFalse(message.contains("/t:"), "1 and 1.0 are equal: " + message);
    assertFalse(message.contains("/model:"), message);
  }

  @Test
  void ranksUpToThreeNearestCandidates() {
    Cassette cassette = Exchanges.cassette(
        interaction(get("https://other.example/x"), "far"),
        interaction(get(CHAT), "method and url"),
        interaction(post("https://api.example.com/v1/other", "{\"q\":1}"), "method and body"),
        interaction(post(CHAT, "{\"q\":2}"), "method and url too"),
        interaction(Request.builder().method("PUT").url("https://x.example/").build(), "nothing"));
    String message = messageFor(cassette, post(CHAT, "{\"q\":1}"));
    int third = message.indexOf("#3 ");
    int second = message.indexOf("#2 ");
    int first = message.indexOf("#1 ");
    assertTrue(third > 0 && second > third && first > second, message);
    assertFalse(message.contains("#0 "), message);
    assertFalse(message.contains("#4 "), message);
    assertTrue(message.contains("url: recorded https://api.example.com/v1/other\n           live     " + CHAT), message);
    assertTrue(message.contains("method: recorded GET, live POST"), message);
    assertTrue(message.contains("body /q: recorded 2, live 1"), message);
  }

  @Test
  void namesTheQueryParametersThatDiffer() {
    Cassette cassette = Exchanges.cassette(interaction(get(CHAT + "?alt=sse&page=1&q=a"), "r"));
    String message = messageFor(cassette, get(CHAT + "?alt=sse&page=2&extra"));
    assertTrue(message.contains("      query page: recorded 1, live 2\n"), message);
    assertTrue(message.contains("      query q: recorded a, live (absent)\n"), message);
    assertTrue(message.contains("      query extra: recorded (absent), live \"\"\n"), message);
    assertFalse(message.contains("query alt"), message);
  }

  @Test
  void textBodiesShowWhereTheyDiffer() {
    Cassette cassette = Exchanges.cassette(interaction(post(CHAT, "line one\nline two"), "r"));
    String message = messageFor(cassette, post(CHAT, "line one\nline 2"));
    assertTrue(message.contains("body differs at character 14: recorded line one\\nline two, live line one\\nline 2"), message);
  }

  @Test
  void saysWhenTheMatchWasAlreadyReplayed() throws Exception {
    Request request = get(CHAT);
    Recorder recorder = Recorder.builder(dir.resolve("chat.yaml")).mode(Mode.REPLAY_ONLY)
        .cassette(Exchanges.cassette(interaction(request, "once"))).build();
    recorder.route(request);
    String message = assertThrows(NoMatchingInteractionException.class, () -> recorder.route(request)).getMessage();
    assertTrue(message.contains("(method, URL and body agree)"), message);
    assertTrue(message.contains("already replayed"), message);
    assertTrue(message.contains("allowRepeats(true)"), message);
    assertTrue(message.contains("1 interaction, 0 not yet replayed"), message);
  }

  @Test
  void isReadable() {
    Cassette cassette = Exchanges.cassette(interaction(post(CHAT, "{\"q\":2}"), "r"));
    String message = messageFor(cassette, post(CHAT, "{\"q\":1}"));
    assertEquals(7, message.lines().count(), message);
  }
}
