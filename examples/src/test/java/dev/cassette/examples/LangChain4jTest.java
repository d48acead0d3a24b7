package dev.cassette.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.jdk.CassetteHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recipe: LangChain4j's OpenAI models on its default HTTP client, which is java.net.http. Hand its
 * {@code JdkHttpClient} a cassette builder: one line.
 */
class LangChain4jTest {
  @TempDir Path dir;

  private static JdkHttpClientBuilder http(Recorder recorder) {
    return JdkHttpClient.builder().httpClientBuilder(CassetteHttpClient.newBuilder(recorder));
  }

  static String chat(Recorder recorder, String baseUrl, String apiKey) {
    OpenAiChatModel model = OpenAiChatModel.builder()
        .httpClientBuilder(http(recorder))
        .baseUrl(baseUrl)
        .apiKey(apiKey)
        .modelName("gpt-4o-mini")
        .build();
    return model.chat("Say hi in Portuguese");
  }

  /** The streamed answer: the partial responses in order, then the complete text. */
  static List<String> stream(Recorder recorder, String baseUrl, String apiKey) throws Exception {
    OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
        .httpClientBuilder(http(recorder))
        .baseUrl(baseUrl)
        .apiKey(apiKey)
        .modelName("gpt-4o-mini")
        .build();
    List<String> parts = new CopyOnWriteArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    model.chat("Say hi in Portuguese", new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partialResponse) {
        parts.add(partialResponse);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    parts.add(done.get(30, TimeUnit.SECONDS).aiMessage().text());
    return parts;
  }

  @Test
  void openAiChatModel() throws Exception {
    Path cassette = dir.resolve("langchain4j-chat.yaml");
    String baseUrl;
    String live;
    try (FixtureServer server = FixtureServer.serving("openai/simple.yaml");
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
      baseUrl = server.baseUrl();
      live = chat(recorder, baseUrl, "sk-live");
      assertEquals(1, server.requestCount());
    }
    String replayed;
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build()) {
      replayed = chat(recorder, baseUrl, "no key in replay");
    }
    assertEquals("Olá!", live);
    assertEquals(live, replayed);
    NoKeyInCassette.check(cassette);
  }

  @Test
  void openAiStreamingChatModel() throws Exception {
    Path cassette = dir.resolve("langchain4j-stream.yaml");
    String baseUrl;
    List<String> live;
    try (FixtureServer server = FixtureServer.serving("openai/simple_streaming.yaml");
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
      baseUrl = server.baseUrl();
      live = stream(recorder, baseUrl, "sk-live");
      assertEquals(1, server.requestCount());
    }
    List<String> replayed;
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build()) {
      replayed = stream(recorder, baseUrl, "no key in replay");
    }
    assertEquals("Olá!", live.get(live.size() - 1));
    assertEquals(live, replayed);
    NoKeyInCassette.check(cassette);
  }
}
