package dev.cassette.server.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.NotFoundException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.server.CassetteServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * anthropic-java, built by Anthropic on OkHttp, through {@code baseUrl(server.baseUri())}: a message and a
 * streamed message are recorded against a loopback stand-in, then replayed with the stand-in gone.
 */
class AnthropicJavaTest {
  private static final String API_KEY = "sk-ant-test-never-in-the-file";

  private static final String MESSAGE = """
      {"id":"msg_01","type":"message","role":"assistant","model":"claude-haiku-4-5",\
      "content":[{"type":"text","text":"Hello from the stand-in"}],"stop_reason":"end_turn",\
      "stop_sequence":null,"usage":{"input_tokens":9,"output_tokens":5}}""";

  private static final List<String> EVENTS = List.of(
      event("message_start", """
          {"type":"message_start","message":{"id":"msg_02","type":"message","role":"assistant",\
          "model":"claude-haiku-4-5","content":[],"stop_reason":null,"stop_sequence":null,\
          "usage":{"input_tokens":9,"output_tokens":1}}}"""),
      event("content_block_start", """
          {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
      event("content_block_delta", """
          {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Streamed "}}"""),
      event("content_block_delta", """
          {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hello"}}"""),
      event("content_block_stop", """
          {"type":"content_block_stop","index":0}"""),
      event("message_delta", """
          {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":3}}"""),
      event("message_stop", """
          {"type":"message_stop"}"""));

  @TempDir Path dir;

  private static String event(String name, String json) {
    return "event: " + name + "\ndata: " + json + "\n\n";
  }

  private static AnthropicClient client(CassetteServer server) {
    return AnthropicOkHttpClient.builder()
        .baseUrl(server.baseUri().toString())
        .apiKey(API_KEY)
        .maxRetries(0)
        .build();
  }

  private static MessageCreateParams params(String prompt) {
    return MessageCreateParams.builder().model("claude-haiku-4-5").maxTokens(64).addUserMessage(prompt).build();
  }

  /** What the client makes of a message and a streamed one. */
  private static List<String> conversation(AnthropicClient client) {
    Message message = client.messages().create(params("Say hello"));
    String text = message.content().get(0).text().orElseThrow().text();
    StringBuilder streamed = new StringBuilder();
    try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params("Stream hello"))) {
      stream.stream().forEach(event -> event.contentBlockDelta()
          .flatMap(delta -> delta.delta().text())
          .ifPresent(delta -> streamed.append(delta.text())));
    }
    return List.of(text, streamed.toString());
  }

  @Test
  void recordsAMessageAndAStreamThenReplaysBothWithTheUpstreamGone() throws Exception {
    Path cassette = dir.resolve("anthropic.yaml");
    List<String> live;
    String upstream;
    try (LoopbackApi api = new LoopbackApi((path, body) ->
            body.contains("\"stream\":true") ? LoopbackApi.Reply.events(EVENTS) : LoopbackApi.Reply.json(MESSAGE));
        Recorder recorder = Recorder.builder(cassette).mode(Mode.RECORD_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, api.url())) {
      upstream = api.url();
      live = conversation(client(server));
      assertEquals(List.of("/v1/messages", "/v1/messages"), api.paths());
    }
    assertEquals(List.of("Hello from the stand-in", "Streamed hello"), live);
    String yaml = Files.readString(cassette);
    assertFalse(yaml.contains(API_KEY), "the key never reaches the cassette");
    assertTrue(yaml.contains("url: " + upstream + "/v1/messages"), yaml);

    try (Recorder recorder = Recorder.builder(cassette).mode(Mode.REPLAY_ONLY).build();
        CassetteServer server = CassetteServer.start(recorder, upstream)) {
      AnthropicClient client = client(server);
      assertEquals(live, conversation(client));
      NotFoundException unmatched = assertThrows(NotFoundException.class,
          () -> client.messages().create(params("Never recorded")));
      assertTrue(unmatched.getMessage().contains(cassette.toString()), unmatched.getMessage());
    }
  }
}
