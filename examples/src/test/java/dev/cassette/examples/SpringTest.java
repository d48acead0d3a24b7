package dev.cassette.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.jdk.CassetteHttpClient;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Recipe: Spring's {@code RestClient} and {@code WebClient} on the JDK's client. Give their JDK request
 * factory or connector a wrapped {@code HttpClient}.
 */
class SpringTest {
  private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi in Portuguese\"}]}";
  private static final String STREAM = CHAT.replace("}]}", "}],\"stream\":true}");

  @TempDir Path dir;

  static String restClient(Recorder recorder, String baseUrl, String apiKey) throws Exception {
    RestClient client = RestClient.builder()
        .requestFactory(new JdkClientHttpRequestFactory(CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient())))
        .baseUrl(baseUrl)
        .build();
    String body = client.post().uri("/chat/completions")
        .header("Authorization", "Bearer " + apiKey)
        .contentType(MediaType.APPLICATION_JSON)
        .body(CHAT)
        .retrieve()
        .body(String.class);
    return new ObjectMapper().readTree(body).at("/choices/0/message/content").asText();
  }

  /** Each SSE event's data, as the Flux delivered them. */
  static List<String> webClient(Recorder recorder, String baseUrl, String apiKey) {
    WebClient client = WebClient.builder()
        .clientConnector(new JdkClientHttpConnector(CassetteHttpClient.wrap(recorder, HttpClient.newHttpClient())))
        .baseUrl(baseUrl)
        .build();
    return client.post().uri("/chat/completions")
        .header("Authorization", "Bearer " + apiKey)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .bodyValue(STREAM)
        .retrieve()
        .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
        .map(ServerSentEvent::data)
        .collectList()
        .block();
  }

  @Test
  void restClientOnJdkClientHttpRequestFactory() throws Exception {
    Path cassette = dir.resolve("rest-client.yaml");
    String baseUrl;
    String live;
    try (FixtureServer server = FixtureServer.serving("openai/simple.yaml");
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
      baseUrl = server.baseUrl();
      live = restClient(recorder, baseUrl, "sk-live");
      assertEquals(1, server.requestCount());
    }
    String replayed;
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build()) {
      replayed = restClient(recorder, baseUrl, "no key in replay");
    }
    assertEquals("Olá!", live);
    assertEquals(live, replayed);
    NoKeyInCassette.check(cassette);
  }

  @Test
  void webClientOnJdkClientHttpConnectorStreamsSseAsAFlux() throws Exception {
    Path cassette = dir.resolve("web-client.yaml");
    String baseUrl;
    List<String> live;
    try (FixtureServer server = FixtureServer.serving("openai/simple_streaming.yaml");
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
      baseUrl = server.baseUrl();
      live = webClient(recorder, baseUrl, "sk-live");
      assertEquals(1, server.requestCount());
    }
    List<String> replayed;
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build()) {
      replayed = webClient(recorder, baseUrl, "no key in replay");
    }
    assertEquals(6, live.size(), live.toString());
    assertEquals("[DONE]", live.get(live.size() - 1));
    assertEquals(live, replayed);
    NoKeyInCassette.check(cassette);
  }
}
