package dev.cassette.junit5.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.junit5.standin.StandIn;
import dev.cassette.okhttp.CassetteInterceptor;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client nobody here wrote: the official OpenAI Java SDK, recording from a stand-in for the API (a
 * mockwebserver on 127.0.0.1) and replaying with the stand-in gone. Its parsed results must be equal
 * both times.
 */
class OpenAiSdkTest {
  private static final ChatCompletionCreateParams PARAMS = ChatCompletionCreateParams.builder()
      .model("gpt-4o-mini")
      .addUserMessage("Say hello")
      .build();

  private static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\","
      + "\"created\":1773347276,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":"
      + "{\"role\":\"assistant\",\"content\":\"Hello!\",\"refusal\":null},\"logprobs\":null,"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,"
      + "\"total_tokens\":11}}";

  private static final String STREAM = chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null")
      + chunk("{\"content\":\"Hel\"}", "null")
      + chunk("{\"content\":\"lo!\"}", "null")
      + chunk("{}", "\"stop\"")
      + "data: [DONE]\n\n";

  private static String chunk(String delta, String finishReason) {
    return "data: {\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1773347277,"
        + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta
        + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}\n\n";
  }

  /** The stand-in for api.openai.com: a stream when the request asks for one, else one completion. */
  private static StandIn standIn() throws Exception {
    return StandIn.start(request -> request.body().contains("\"stream\":true")
        ? new StandIn.Answer("text/event-stream", STREAM)
        : new StandIn.Answer("application/json", COMPLETION));
  }

  /** The SDK on an OkHttpClient that records and replays through {@code recorder}. */
  static OpenAIClient openAi(Recorder recorder, String baseUrl) {
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(new CassetteInterceptor(recorder))
        .build();
    return OpenAIOkHttpClient.builder()
        .okHttpClient(client)
        .baseUrl(baseUrl)
        .apiKey(recorder.isRecording() ? "sk-test-only-used-while-recording" : "replay")
        .maxRetries(0)
        .build();
  }

  record Answers(ChatCompletion completion, List<ChatCompletionChunk> chunks) {}

  static Answers ask(OpenAIClient openAi) {
    ChatCompletion completion = openAi.chat().completions().create(PARAMS);
    try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(PARAMS)) {
      return new Answers(completion, stream.stream().toList());
    }
  }

  @Test
  void recordsAndReplaysTheSdksCompletionsStreamedAndNot(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("openai/chat.yaml");
    StandIn server = standIn();
    String baseUrl = server.url("/v1").toString();
    Answers live;
    try (Recorder recorder = Recorder.builder(file).mode(Mode.RECORD_ONLY).build()) {
      live = ask(openAi(recorder, baseUrl));
    } finally {
      server.close();
    }
    assertEquals(2, server.requestCount());
    assertEquals("Hello!", live.completion().choices().get(0).message().content().orElseThrow());
    assertEquals(4, live.chunks().size());

    Answers replayed;
    try (Recorder recorder = Recorder.builder(file).mode(Mode.REPLAY_ONLY).build()) {
      replayed = ask(openAi(recorder, baseUrl));
      assertEquals(List.of(), recorder.unusedInteractions());
    }
    assertEquals(live, replayed);
    assertEquals("Hello!", String.join("", replayed.chunks().stream()
        .map(c -> c.choices().get(0).delta().content().orElse(""))
        .toList()));
  }

  /** openai-java depends on OkHttp 4 (artifact okhttp); the pom excludes it so only the build's is loaded. */
  @Test
  void onlyOneOkHttpIsOnTheClasspath() throws IOException {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertEquals(1, copies.size(), copies.toString());
    assertTrue(copies.get(0).toString().contains(okhttp3.OkHttp.VERSION), copies.toString());
  }
}
