package dev.cassette.junit5.example;

import static dev.cassette.junit5.example.ChatClientTest.HUGGING_FACE;
import static dev.cassette.junit5.example.ChatClientTest.MODEL;
import static dev.cassette.junit5.example.ChatClientTest.TOOLS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.core.Mode;
import dev.cassette.junit5.CassetteExtension;
import dev.cassette.junit5.UseCassette;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered with settings for the whole class, instead of per annotation. */
class ConfiguredChatClientTest {
  @RegisterExtension
  static CassetteExtension cassettes = CassetteExtension.builder()
      .client(new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build())
      .dir(Path.of("../fixtures"))
      .mode(Mode.REPLAY_ONLY)
      .build();

  @Test
  @UseCassette(value = "huggingface/multi_tool_streaming", allowUnused = true)
  void firstTurnAsksForBothTools(OkHttpClient client) throws IOException {
    assertEquals(60_000, client.callTimeoutMillis());
    ChatClient chat = new ChatClient(client, HUGGING_FACE, "replay", MODEL, 4000);
    ChatReply first = chat.stream(List.of(
        ChatMessage.system("You are a helpful assistant. Always use both add and multiply at the same time."),
        ChatMessage.user("Add and multiply the number 2 and 3")), TOOLS, text -> {});
    assertEquals(List.of("add", "multiply"), first.toolCalls().stream().map(ToolCall::name).toList());
  }
}
