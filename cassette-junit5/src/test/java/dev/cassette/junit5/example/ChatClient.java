package dev.cassette.junit5.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * A small client for OpenAI-compatible chat completions that streams replies over server-sent events
 * (Hugging Face's router, Groq, OpenAI, llama.cpp...). It is the kind of code cassettes exist for: its
 * tests run against recorded streams, offline.
 */
public final class ChatClient {
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http;
  private final HttpUrl completions;
  private final String apiKey;
  private final String model;
  private final int maxTokens;

  /**
   * @param baseUrl the API root, e.g. {@code https://router.huggingface.co/v1/}
   */
  public ChatClient(OkHttpClient http, HttpUrl baseUrl, String apiKey, String model, int maxTokens) {
    this.http = http;
    this.completions = baseUrl.resolve("chat/completions");
    this.apiKey = apiKey;
    this.model = model;
    this.maxTokens = maxTokens;
  }

  /**
   * Sends the conversation and streams the assistant's reply.
   *
   * @param onText receives each piece of text as it arrives
   */
  public ChatReply stream(List<ChatMessage> messages, List<Tool> tools, Consumer<String> onText)
      throws IOException {
    Request request = new Request.Builder()
        .url(completions)
        .header("Authorization", "Bearer " + apiKey)
        .post(RequestBody.create(requestJson(messages, tools), JSON_TYPE))
        .build();
    ChunkListener listener = new ChunkListener(onText);
    EventSource source = EventSources.createFactory(http).newEventSource(request, listener);
    try {
      return listener.done.get();
    } catch (InterruptedException e) {
      source.cancel();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while streaming");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException thrownByOnText) throw thrownByOnText;
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /** The request body, its keys in the order the Go client that recorded the fixture wrote them. */
  String requestJson(List<ChatMessage> messages, List<Tool> tools) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode messageArray = body.putArray("messages");
    for (ChatMessage message : messages) {
      ObjectNode node = messageArray.addObject().put("content", message.content());
      if (!message.toolCalls().isEmpty()) {
        ArrayNode calls = node.putArray("tool_calls");
        for (ToolCall call : message.toolCalls()) {
          ObjectNode callNode = calls.addObject().put("id", call.id());
          callNode.putObject("function").put("arguments", call.arguments()).put("name", call.name());
          callNode.put("type", "function");
        }
      }
      if (message.toolCallId() != null) node.put("tool_call_id", message.toolCallId());
      node.put("role", message.role());
    }
    body.put("model", model).put("max_tokens", maxTokens);
    body.putObject("stream_options").put("include_usage", true);
    if (!tools.isEmpty()) {
      body.put("tool_choice", "auto");
      ArrayNode toolArray = body.putArray("tools");
      for (Tool tool : tools) {
        ObjectNode node = toolArray.addObject();
        node.putObject("function")
            .put("name", tool.name())
            .put("strict", false)
            .put("description", tool.description())
            .set("parameters", tool.parameters());
        node.put("type", "function");
      }
    }
    body.put("stream", true);
    return body.toString();
  }

  /** Puts a reply together from {@code chat.completion.chunk} events. */
  private static final class ChunkListener extends EventSourceListener {
    private final Consumer<String> onText;
    private final StringBuilder text = new StringBuilder();
    /** Tool calls by their index; a call's arguments may arrive in several chunks. */
    private final Map<Integer, String[]> toolCalls = new TreeMap<>();
    private String finishReason;
    /** Completed when the stream ends; callbacks run on OkHttp's dispatcher threads. */
    final CompletableFuture<ChatReply> done = new CompletableFuture<>();

    ChunkListener(Consumer<String> onText) {
      this.onText = onText;
    }

    @Override
    public void onEvent(EventSource source, String id, String type, String data) {
      if (data.equals("[DONE]")) return;
      JsonNode chunk;
      try {
        chunk = JSON.readTree(data);
      } catch (IOException e) {
        done.completeExceptionally(new IOException("not a JSON chunk: " + data, e));
        source.cancel();
        return;
      }
      for (JsonNode choice : chunk.path("choices")) {
        JsonNode delta = choice.path("delta");
        String content = delta.path("content").asText("");
        if (!content.isEmpty()) {
          text.append(content);
          try {
            onText.accept(content);
          } catch (RuntimeException e) {
            // Thrown here, it would end the call without onFailure and leave stream() waiting forever.
            done.completeExceptionally(e);
            source.cancel();
            return;
          }
        }
        for (JsonNode call : delta.path("tool_calls")) {
          String[] parts = toolCalls.computeIfAbsent(call.path("index").asInt(), i -> new String[] {"", "", ""});
          if (call.hasNonNull("id")) parts[0] = call.get("id").asText();
          JsonNode function = call.path("function");
          if (function.hasNonNull("name")) parts[1] = function.get("name").asText();
          parts[2] += function.path("arguments").asText("");
        }
        if (choice.hasNonNull("finish_reason")) finishReason = choice.get("finish_reason").asText();
      }
    }

    @Override
    public void onClosed(EventSource source) {
      List<ToolCall> calls = new ArrayList<>();
      toolCalls.values().forEach(p -> calls.add(new ToolCall(p[0], p[1], p[2])));
      done.complete(new ChatReply(text.toString(), calls, finishReason));
    }

    @Override
    public void onFailure(EventSource source, Throwable t, Response response) {
      String reason = t != null ? String.valueOf(t.getMessage()) : "no stream";
      if (response != null && !response.isSuccessful()) reason = "HTTP " + response.code();
      done.completeExceptionally(new IOException("chat completion failed: " + reason, t));
    }
  }
}
