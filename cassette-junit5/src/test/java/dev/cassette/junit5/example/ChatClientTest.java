package dev.cassette.junit5.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.junit5.UseCassette;
import dev.cassette.okhttp.CassetteInterceptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The chat client against the project's seed cassette: Kimi K2 (through Hugging Face's router) streams
 * two tool calls, gets their results, then streams its answer. Runs offline.
 */
class ChatClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final HttpUrl HUGGING_FACE = HttpUrl.get("https://router.huggingface.co/v1/");
  static final String MODEL = "moonshotai/Kimi-K2-Instruct-0905:groq";
  private static final String FINAL_TEXT =
      "The results are:\n- Addition: 2 + 3 = 5\n- Multiplication: 2 × 3 = 6";
  private static final Path FIXTURE = Path.of("../fixtures/huggingface/multi_tool_streaming.yaml");

  static final List<Tool> TOOLS = List.of(
      new Tool("add", "Add two numbers", twoIntegers()),
      new Tool("multiply", "Multiply two numbers", twoIntegers()));

  private static JsonNode twoIntegers() {
    try {
      return JSON.readTree("{\"properties\":{"
          + "\"a\":{\"description\":\"first number\",\"type\":\"integer\"},"
          + "\"b\":{\"description\":\"second number\",\"type\":\"integer\"}},"
          + "\"required\":[\"a\",\"b\"],\"type\":\"object\"}");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @UseCassette(value = "huggingface/multi_tool_streaming", dir = "../fixtures", mode = Mode.REPLAY_ONLY)
  void streamsToolCallsThenTheAnswer(OkHttpClient client, Recorder recorder) throws IOException {
    // Real credentials only while recording: a replayed cassette needs none.
    String apiKey = recorder.isRecording() ? System.getenv("HF_TOKEN") : "replay";
    ChatClient chat = new ChatClient(client, HUGGING_FACE, apiKey, MODEL, 4000);

    List<ChatMessage> conversation = new ArrayList<>(List.of(
        ChatMessage.system("You are a helpful assistant. Always use both add and multiply at the same time."),
        ChatMessage.user("Add and multiply the number 2 and 3")));
    ChatReply first = chat.stream(conversation, TOOLS, text -> {});
    assertEquals("tool_calls", first.finishReason());
    assertEquals(List.of(
        new ToolCall("functions.add:0", "add", "{\"a\":2,\"b\":3}"),
        new ToolCall("functions.multiply:1", "multiply", "{\"a\":2,\"b\":3}")), first.toolCalls());

    conversation.add(ChatMessage.assistant(first.text(), first.toolCalls()));
    conversation.add(ChatMessage.tool("functions.add:0", "5"));
    conversation.add(ChatMessage.tool("functions.multiply:1", "6"));
    StringBuilder streamed = new StringBuilder();
    ChatReply answer = chat.stream(conversation, TOOLS, streamed::append);
    assertEquals("stop", answer.finishReason());
    assertEquals(FINAL_TEXT, answer.text());
    assertEquals(FINAL_TEXT, streamed.toString());
  }

  /** The client sends what the Go client recorded: the same JSON, even the same bytes. */
  @Test
  @UseCassette(value = "huggingface/multi_tool_streaming", dir = "../fixtures", mode = Mode.REPLAY_ONLY)
  void sendsTheRecordedRequestBodies(CassetteInterceptor cassette) throws IOException {
    List<String> sent = new ArrayList<>();
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          Buffer body = new Buffer();
          chain.request().body().writeTo(body);
          sent.add(body.readUtf8());
          return chain.proceed(chain.request());
        })
        .addInterceptor(cassette)
        .build();
    ChatClient chat = new ChatClient(client, HUGGING_FACE, "replay", MODEL, 4000);
    List<ChatMessage> conversation = new ArrayList<>(List.of(
        ChatMessage.system("You are a helpful assistant. Always use both add and multiply at the same time."),
        ChatMessage.user("Add and multiply the number 2 and 3")));
    ChatReply first = chat.stream(conversation, TOOLS, text -> {});
    conversation.add(ChatMessage.assistant(first.text(), first.toolCalls()));
    conversation.add(ChatMessage.tool("functions.add:0", "5"));
    conversation.add(ChatMessage.tool("functions.multiply:1", "6"));
    chat.stream(conversation, TOOLS, text -> {});

    List<String> recorded = Cassette.load(FIXTURE).interactions().stream()
        .map(Interaction::request)
        .map(request -> request.body().text())
        .toList();
    assertEquals(2, sent.size());
    for (int i = 0; i < 2; i++) {
      assertEquals(JSON.readTree(recorded.get(i)), JSON.readTree(sent.get(i)), "request " + i);
      assertEquals(recorded.get(i), sent.get(i), "request " + i);
    }
  }
}
