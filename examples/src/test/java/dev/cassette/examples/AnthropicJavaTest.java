package dev.cassette.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.server.CassetteServer;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recipe: anthropic-java, the official Anthropic SDK. Its builder takes no OkHttpClient (it builds its
 * own, and its {@code Interceptor} wraps the SDK's transport, not OkHttp's), but it takes a base URL:
 * a {@link CassetteServer} on loopback stands in for the API and records or replays through the
 * recorder, so the one line is {@code .baseUrl(server.baseUri().toString())}.
 */
class AnthropicJavaTest {
  private static final String MODEL = "claude-sonnet-4-20250514";

  @TempDir Path dir;

  static AnthropicClient anthropic(CassetteServer server, String apiKey) {
    return AnthropicOkHttpClient.builder()
        .baseUrl(server.baseUri().toString())
        .apiKey(apiKey)
        .build();
  }

  private static MessageCreateParams params() {
    return MessageCreateParams.builder().model(MODEL).maxTokens(4000).addUserMessage("Say hi in Portuguese").build();
  }

  static Message message(AnthropicClient client) {
    return client.messages().create(params());
  }

  /** The streamed message, its events folded into one {@code Message} by the SDK's accumulator. */
  static Message streamedMessage(AnthropicClient client) {
    MessageAccumulator accumulator = MessageAccumulator.create();
    try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params())) {
      stream.stream().forEach(accumulator::accumulate);
    }
    return accumulator.message();
  }

  /**
   * Records through the server with the stand-in as its upstream, then replays with the stand-in
   * closed (the server is given the same upstream URL: it names the recorded interactions, nothing
   * connects to it). Returns the live and the replayed message.
   */
  private Recording<Message> recordThenReplay(String fixture, Function<AnthropicClient, Message> exchange)
      throws Exception {
    Path cassette = dir.resolve("anthropic.yaml");
    String upstream;
    Message live;
    try (FixtureServer api = FixtureServer.serving(fixture);
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, api.origin())) {
      upstream = api.origin();
      live = askThenClose(anthropic(server, "sk-live"), exchange);
      assertEquals(1, api.requestCount());
    }
    Message replayed;
    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstream)) {
      replayed = askThenClose(anthropic(server, "no key in replay"), exchange);
    }
    NoKeyInCassette.check(cassette);
    return new Recording<>(live, replayed);
  }

  /** The SDK's client holds OkHttp threads and connections until closed: close it before the server. */
  private static Message askThenClose(AnthropicClient client, Function<AnthropicClient, Message> exchange) {
    try {
      return exchange.apply(client);
    } finally {
      client.close();
    }
  }

  private static String text(Message message) {
    return message.content().get(0).text().orElseThrow().text();
  }

  @Test
  void message() throws Exception {
    Recording<Message> answers = recordThenReplay("anthropic/simple.yaml", AnthropicJavaTest::message);
    assertEquals("Olá! \n\n(That's \"hello\" in Portuguese. You could also say \"Oi!\" for a more casual \"hi!\")",
        text(answers.live()));
    assertEquals(answers.live(), answers.replayed());
  }

  @Test
  void streamedMessage() throws Exception {
    Recording<Message> answers = recordThenReplay("anthropic/simple_streaming.yaml", AnthropicJavaTest::streamedMessage);
    assertTrue(text(answers.live()).startsWith("Olá! (That's \"hi\" in Portuguese)"), text(answers.live()));
    assertEquals(answers.live(), answers.replayed());
  }
}
