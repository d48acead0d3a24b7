package compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
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
 * openai-java with nothing but cassette-junit5 beside it: one OkHttp (the SDK's 4.12), and the SDK's
 * own OkHttp transport on the injected client, recorded from a stand-in and replayed without it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenAiTest {
  private static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\","
      + "\"created\":1773347276,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":"
      + "{\"role\":\"assistant\",\"content\":\"Hello!\",\"refusal\":null},\"logprobs\":null,"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,"
      + "\"total_tokens\":11}}";
  private static final String DIR = "target/cassettes";

  private static StandIn api;
  private static ChatCompletion live;

  @BeforeAll
  static void start() throws IOException {
    api = new StandIn("application/json", COMPLETION);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static ChatCompletion ask(OkHttpClient client, Recorder recorder) {
    OpenAIClient openAi = OpenAIOkHttpClient.builder()
        .okHttpClient(client)
        .baseUrl(api.url("/v1"))
        .apiKey(recorder.isRecording() ? "sk-test-only-used-while-recording" : "replay")
        .maxRetries(0)
        .build();
    return openAi.chat().completions().create(ChatCompletionCreateParams.builder()
        .model("gpt-4o-mini")
        .addUserMessage("Say hello")
        .build());
  }

  @Test
  void exactlyOneOkHttpIsOnTheClassPath() throws IOException {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertEquals(1, copies.size(), copies.toString());
    assertTrue(copies.get(0).toString().contains("/okhttp-4.12.0.jar!"), copies.toString());
  }

  @Test
  @Order(1)
  @UseCassette(value = "openai/chat", dir = DIR, mode = Mode.RECORD_ONLY)
  void records(OkHttpClient client, Recorder recorder) {
    live = ask(client, recorder);
    assertEquals("Hello!", live.choices().get(0).message().content().orElseThrow());
    assertEquals(1, api.requests());
  }

  @Test
  @Order(2)
  @UseCassette(value = "openai/chat", dir = DIR, mode = Mode.REPLAY_ONLY)
  void replaysWithoutTheNetwork(OkHttpClient client, Recorder recorder) {
    assertEquals(live, ask(client, recorder));
    assertEquals(1, api.requests(), "a replay opens no socket");
  }
}
