package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of redaction where they must hold back: content that looks like a secret name, and CI. */
class RedactionRulesTest {
  @TempDir Path dir;

  private static Response json(String body) {
    return Response.builder().headers(Multimap.of("Content-Type", "application/json")).body(body).build();
  }

  @Test
  void logprobTokensAreContentAndStay() {
    String body = "{\"choices\":[{\"logprobs\":{\"content\":[{\"token\":\"Hello\",\"logprob\":-0.1,\"bytes\":[72],"
        + "\"top_logprobs\":[{\"token\":\"Hi\",\"logprob\":-1.2}]}]}}]}";
    Response response = json(body);
    assertSame(response, Redaction.defaults().redact(response));
    String completions = "{\"choices\":[{\"text\":\"a\",\"logprobs\":{\"tokens\":[\"a\"],"
        + "\"top_logprobs\":[{\"token\":\"a\"}]}}]}";
    assertEquals(json(completions).body().text(), Redaction.defaults().redact(json(completions)).body().text());
  }

  @Test
  void aTokenOutsideLogprobsIsASecret() {
    String body = "{\"token\":\"tok-Zq8x7Wv6\",\"logprobs\":{\"content\":[{\"token\":\"Hello\",\"logprob\":-0.1}]}}";
    assertEquals("{\"token\":\"<TOKEN>\",\"logprobs\":{\"content\":[{\"token\":\"Hello\",\"logprob\":-0.1}]}}",
        Redaction.defaults().redact(json(body)).body().text());
  }

  @Test
  void aCredentialShapedTokenInsideLogprobsIsStillRedacted() {
    String body = "{\"logprobs\":{\"content\":[{\"token\":\"sk-abcdefghijklmnopqrstuvwx\",\"logprob\":-0.1}]}}";
    assertEquals("{\"logprobs\":{\"content\":[{\"token\":\"<OPENAI_API_KEY>\",\"logprob\":-0.1}]}}",
        Redaction.defaults().redact(json(body)).body().text());
  }

  @Test
  void aTokenObjectIsSearchedNotReplaced() {
    // Hugging Face TGI: "token" holds the generated token, an object
    String body = "{\"token\":{\"id\":9906,\"text\":\"Hello\",\"logprob\":-0.3,\"special\":false},"
        + "\"generated_text\":null}";
    Response response = json(body);
    assertSame(response, Redaction.defaults().redact(response));
  }

  @Test
  void aTgiStreamKeepsItsTokenObjects() {
    String stream = "data: {\"index\":1,\"token\":{\"id\":9906,\"text\":\"Hello\",\"logprob\":-0.3,"
        + "\"special\":false}}\n\n"
        + "data: {\"index\":2,\"token\":{\"id\":2,\"text\":\"!\",\"logprob\":-0.1,\"special\":false},"
        + "\"generated_text\":\"Hello!\"}\n\n";
    Response response = Response.builder().headers(Multimap.of("Content-Type",
        "text/event-stream")).body(stream).build();
    assertSame(response, Redaction.defaults().redact(response));
  }

  @Test
  void aJsonSchemaThatNamesAPasswordIsNotASecret() {
    String body = "{\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"login\","
        + "\"parameters\":{\"type\":\"object\","
        + "\"properties\":{\"password\":{\"type\":\"string\",\"description\":\"the password\"}},"
        + "\"required\":[\"password\"]}}}]}";
    Request request = Request.builder().method("POST").headers(Multimap.of("Content-Type",
        "application/json")).body(body).build();
    assertSame(request, Redaction.defaults().redact(request));
  }

  @Test
  void namesCompareIgnoringCaseAndSeparators() {
    Request request = Request.builder().method("POST").headers(Multimap.of("Content-Type", "application/json"))
        .body("{\"Password\":\"p1\",\"sessionToken\":\"s1\",\"API-KEY\":\"k1\",\"tokens\":5,\"max_tokens\":9}").build();
    assertEquals("{\"Password\":\"<PASSWORD>\",\"sessionToken\":\"<SESSION_TOKEN>\",\"API-KEY\":\"<API_KEY>\","
        + "\"tokens\":5,\"max_tokens\":9}", Redaction.defaults().redact(request).body().text());
  }

  @Test
  void wordsAndIdsAreNotCredentials() {
    String text = "task-management, disk-usage, ask-me-anything-about-everything, eyJustAWord, AKIAshort, "
        + "hf_x, ghp_short, xoxb-1";
    Response response = Response.builder().headers(Multimap.of("Content-Type", "text/plain")).body(text).build();
    assertSame(response, Redaction.defaults().redact(response));
  }

  @Test
  void aValueFoundByNameIsScrubbedFromTheWholeInteractionButShortOnesAreNot() {
    Request request = Request.builder().method("POST").url("https://h/p?code=" + "Azf-func-key-123")
        .headers(Multimap.of("Content-Type", "application/json"))
        .body("{\"password\":\"true\",\"note\":\"true\"}").build();
    Response response = json("{\"ok\":true,\"note\":\"key Azf-func-key-123 used\"}");
    Interaction redacted = Redaction.defaults().redact(Interaction.of(request, response));
    assertEquals("{\"password\":\"<PASSWORD>\",\"note\":\"true\"}", redacted.request().body().text(),
        "a value under 8 characters is redacted where it was found, not wherever the word occurs");
    assertEquals("{\"ok\":true,\"note\":\"key <CODE> used\"}", redacted.response().body().text());
  }

  @Test
  void redactingTwiceChangesNothing() {
    Interaction once = Redaction.defaults().redact(Interaction.of(
        Request.builder().url("https://Tok3nTok3nTok3n@h/v/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig"
            + "?api-key=k1#access_token=a1").headers(Multimap.of("Content-Type", "application/xml"))
            .body("<r><password>p</password></r>").build(),
        json("{\"echo\":\"Tok3nTok3nTok3n\",\"tool\":{\"arguments\":\"{\\\"token\\\":\\\"t\\\"}\"}}")));
    assertEquals("https://<TOKEN>@h/v/<JWT>?api-key=<API_KEY>#access_token=<ACCESS_TOKEN>", once.request().url());
    assertEquals("<r><password>&lt;PASSWORD&gt;</password></r>", once.request().body().text());
    assertEquals("{\"echo\":\"<TOKEN>\",\"tool\":{\"arguments\":\"{\\\"token\\\":\\\"<TOKEN>\\\"}\"}}",
        once.response().body().text());
    assertSame(once, Redaction.defaults().redact(once));
  }

  @Test
  void envSecretsMatchWithAndWithoutTheVariable() throws Exception {
    Map<String, String> recording = Map.of("MY_TOKEN", "live-secret-98765");
    Map<String, String> ci = Map.of();
    Path file = dir.resolve("env.yaml");
    Redaction whileRecording = Redaction.builder().replaceEnv("MY_TOKEN", recording::get).build();
    String token = Redaction.env("MY_TOKEN", recording::get);
    assertEquals("live-secret-98765", token);
    try (Recorder recorder = Recorder.builder(file).mode(Mode.RECORD_ONLY).redaction(whileRecording).build()) {
      recorder.record(accountRequest(token), json("{\"account\":\"" + token + "\"}"));
    }
    String text = Files.readString(file);
    assertFalse(text.contains("live-secret-98765"), text);
    assertTrue(text.contains("/accounts/<MY_TOKEN>/usage"), text);

    Redaction inCi = Redaction.builder().replaceEnv("MY_TOKEN", ci::get).build();
    String stand = Redaction.env("MY_TOKEN", ci::get);
    assertEquals("<MY_TOKEN>", stand);
    try (Recorder replay = Recorder.builder(file).mode(Mode.REPLAY_ONLY).redaction(inCi).build()) {
      // a client escapes < and > in a path, as OkHttp does
      Request live = accountRequest(stand.replace("<", "%3C").replace(">", "%3E"));
      assertTrue(replay.route(live).isReplay());
    }
  }

  private static Request accountRequest(String token) {
    return Request.builder().method("POST").url("https://api.example.com/accounts/" + token + "/usage")
        .headers(Multimap.of("Content-Type", "application/json")).body("{\"t\":\"" + token + "\"}").build();
  }

  @Test
  void aLargeStreamIsScannedInPlaceAndKeptWhenClean() {
    byte[] event = "data: {\"choices\":[{\"delta\":{\"content\":\"hello world\"}}]}\n\n".getBytes();
    byte[] big = new byte[event.length * 200_000];
    for (int i = 0; i < 200_000; i++) System.arraycopy(event, 0, big, i * event.length, event.length);
    Response response = Response.builder().headers(Multimap.of("Content-Type", "text/event-stream"))
        .body(Body.of(big)).build();
    assertSame(response, Redaction.defaults().redact(response));
  }
}
