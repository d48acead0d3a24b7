package compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.genai.Client;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.HttpOptions;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.junit5.UseCassette;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * google-genai with nothing but cassette-junit5 beside it: one OkHttp (the SDK's 4.12), and the SDK on
 * the injected client, recorded from a stand-in and replayed without it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoogleGenAiTest {
  private static final String RESPONSE = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hello!\"}],"
      + "\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":3,"
      + "\"candidatesTokenCount\":2,\"totalTokenCount\":5},\"modelVersion\":\"gemini-2.5-flash\"}";
  private static final String DIR = "target/cassettes";

  private static StandIn api;
  private static String live;

  @BeforeAll
  static void start() throws IOException {
    api = new StandIn("application/json", RESPONSE);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static String ask(OkHttpClient client, Recorder recorder) {
    Client gemini = Client.builder()
        .apiKey(recorder.isRecording() ? "test-key-only-used-while-recording" : "replay")
        .httpOptions(HttpOptions.builder().baseUrl(api.url("/")).build())
        .clientOptions(ClientOptions.builder().customHttpClient(client).build())
        .build();
    return gemini.models.generateContent("gemini-2.5-flash", "Say hello", null).text();
  }

  @Test
  void exactlyOneOkHttpIsOnTheClassPath() throws IOException {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertEquals(1, copies.size(), copies.toString());
    assertTrue(copies.get(0).toString().contains("/okhttp-4.12.0.jar!"), copies.toString());
  }

  @Test
  @Order(1)
  @UseCassette(value = "gemini/generate", dir = DIR, mode = Mode.RECORD_ONLY)
  void records(OkHttpClient client, Recorder recorder) {
    live = ask(client, recorder);
    assertEquals("Hello!", live);
    assertEquals(1, api.requests());
  }

  @Test
  @Order(2)
  @UseCassette(value = "gemini/generate", dir = DIR, mode = Mode.REPLAY_ONLY)
  void replaysWithoutTheNetwork(OkHttpClient client, Recorder recorder) {
    assertEquals(live, ask(client, recorder));
    assertEquals(1, api.requests(), "a replay opens no socket");
  }
}
