package dev.cassette.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.jdk.CassetteHttpClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recipe: plain java.net.http. Wrap the client you would have used. */
class PlainJavaNetHttpTest {
  private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi in Portuguese\"}]}";

  @TempDir Path dir;

  /** The code under test: it takes an HttpClient, as code that can be tested does. */
  static String chat(HttpClient client, String baseUrl, String apiKey) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
        .header("Authorization", "Bearer " + apiKey)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(CHAT))
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body()).at("/choices/0/message/content").asText();
  }

  @Test
  void chatCompletion() throws Exception {
    Path cassette = dir.resolve("plain.yaml");
    String baseUrl;
    String live;
    try (FixtureServer server = FixtureServer.serving("openai/simple.yaml");
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
      baseUrl = server.baseUrl();
      live = chat(CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient()), baseUrl, "sk-live");
      assertEquals(1, server.requestCount());
    }
    String replayed;
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build()) {
      replayed = chat(CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient()), baseUrl, "no key in replay");
    }
    assertEquals("Olá!", live);
    assertEquals(live, replayed);
    NoKeyInCassette.check(cassette);
  }
}
