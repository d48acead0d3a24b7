package dev.cassette.junit5.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Mode;
import dev.cassette.junit5.UseCassette;
import dev.cassette.server.CassetteServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;

/**
 * The two other ways a test reaches a cassette: a {@code java.net.http.HttpClient} wired to it, and a
 * {@link CassetteServer} for clients that can only be given a base URL. Both replay one recorded
 * Anthropic message.
 */
class JdkAndServerTest {
  static final String ASK = "{\"max_tokens\":4000,\"model\":\"claude-sonnet-4-20250514\","
      + "\"system\":[{\"text\":\"You are a helpful assistant\",\"type\":\"text\"}],"
      + "\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Say hi in Portuguese\",\"type\":\"text\"}]}]}";

  @Test
  @UseCassette(value = "anthropic/simple", dir = "../fixtures", mode = Mode.REPLAY_ONLY)
  void jdkClient(HttpClient client) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.anthropic.com/v1/messages"))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(ASK))
        .build();
    HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
    assertTrue(response.body().contains("Olá!"), response.body());
  }

  @Test
  @UseCassette(value = "anthropic/simple", dir = "../fixtures", mode = Mode.REPLAY_ONLY,
      upstream = "https://api.anthropic.com")
  void anyClientThroughItsBaseUrl(CassetteServer anthropic) throws Exception {
    URI base = anthropic.baseUri(); // e.g. AnthropicOkHttpClient.builder().baseUrl(base.toString())
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/messages"))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(ASK))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("Olá!"), response.body());
  }
}
