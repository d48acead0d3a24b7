package dev.cassette.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.okhttp.CassetteInterceptor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recipe: openai-java, the official OpenAI SDK. Its OkHttp transport takes the OkHttpClient to send
 * with, so an OkHttpClient carrying the interceptor is the one line: chat, streamed chat and the
 * Responses API all pass through it. Its builder also takes the interceptor alone, for the client it
 * builds itself.
 */
class OpenAiJavaTest {
  private static final String PROMPT = "Say hi in Portuguese";

  @TempDir Path dir;

  static OpenAIClient openAi(Recorder recorder, String baseUrl, String apiKey) {
    return OpenAIOkHttpClient.builder()
        .okHttpClient(new OkHttpClient.Builder().addInterceptor(new CassetteInterceptor(recorder)).build())
        .baseUrl(baseUrl)
        .apiKey(apiKey)
        .build();
  }

  /** Without an OkHttpClient of your own: the SDK adds the interceptor to the client it builds. */
  static OpenAIClient openAiOnItsOwnClient(Recorder recorder, String baseUrl, String apiKey) {
    return OpenAIOkHttpClient.builder()
        .addInterceptor(new CassetteInterceptor(recorder))
        .baseUrl(baseUrl)
        .apiKey(apiKey)
        .build();
  }

  private static ChatCompletionCreateParams chatParams() {
    return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage(PROMPT).build();
  }

  static ChatCompletion chat(OpenAIClient client) {
    return client.chat().completions().create(chatParams());
  }

  static List<ChatCompletionChunk> streamedChat(OpenAIClient client) {
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chatParams())) {
      return stream.stream().collect(Collectors.toList());
    }
  }

  static Response respond(OpenAIClient client) {
    return client.responses().create(ResponseCreateParams.builder().model("gpt-4o-mini").input(PROMPT).build());
  }

  /** What the recipes have in common: record against the stand-in, then replay with it closed. */
  private <T> Recording<T> recordThenReplay(String fixture, Function<OpenAIClient, T> exchange) throws Exception {
    return recordThenReplay(fixture, OpenAiJavaTest::openAi, exchange);
  }

  private <T> Recording<T> recordThenReplay(String fixture, Wiring wiring, Function<OpenAIClient, T> exchange)
      throws Exception {
    Path cassette = dir.resolve("openai.yaml");
    String baseUrl;
    T live;
    try (FixtureServer server = FixtureServer.serving(fixture);
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build()) {
      baseUrl = server.baseUrl();
      live = askThenClose(wiring.client(recorder, baseUrl, "sk-live"), exchange);
      assertEquals(1, server.requestCount());
    }
    T replayed;
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build()) {
      replayed = askThenClose(wiring.client(recorder, baseUrl, "no key in replay"), exchange);
    }
    NoKeyInCassette.check(cassette);
    return new Recording<>(live, replayed);
  }

  /** The SDK's client holds OkHttp threads and connections until closed. */
  private static <T> T askThenClose(OpenAIClient client, Function<OpenAIClient, T> exchange) {
    try {
      return exchange.apply(client);
    } finally {
      client.close();
    }
  }

  @Test
  void chatCompletion() throws Exception {
    Recording<ChatCompletion> chat = recordThenReplay("openai/simple.yaml", OpenAiJavaTest::chat);
    assertEquals("Olá!", chat.live().choices().get(0).message().content().orElseThrow());
    assertEquals(chat.live(), chat.replayed());
  }

  @Test
  void chatCompletionOnTheSdksOwnClient() throws Exception {
    Recording<ChatCompletion> chat = recordThenReplay("openai/simple.yaml", OpenAiJavaTest::openAiOnItsOwnClient, OpenAiJavaTest::chat);
    assertEquals("Olá!", chat.live().choices().get(0).message().content().orElseThrow());
    assertEquals(chat.live(), chat.replayed());
  }

  @Test
  void streamedChatCompletion() throws Exception {
    Recording<List<ChatCompletionChunk>> chunks = recordThenReplay("openai/simple_streaming.yaml", OpenAiJavaTest::streamedChat);
    String text = chunks.live().stream()
        .flatMap(chunk -> chunk.choices().stream())
        .map(choice -> choice.delta().content().orElse(""))
        .collect(Collectors.joining());
    assertEquals("Olá!", text);
    assertEquals(chunks.live(), chunks.replayed());
  }

  @Test
  void responsesApi() throws Exception {
    Recording<Response> response = recordThenReplay("openai/responses_simple.yaml", OpenAiJavaTest::respond);
    String text = response.live().output().get(0).asMessage().content().get(0).asOutputText().text();
    assertEquals("Olá!", text);
    assertEquals(response.live(), response.replayed());
  }

  /** One of the two ways to build a client on a recorder. */
  private interface Wiring {
    OpenAIClient client(Recorder recorder, String baseUrl, String apiKey);
  }
}
