package dev.cassette.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a streamed LLM reply adds up to: the answer text and the tool calls, reassembled from the deltas
 * the provider streamed, plus the token usage and the reason the model stopped, which a reviewer of a
 * re-record compares. Tool calls keep the order in which they started.
 *
 * @param usage the provider's usage object as the stream reported it (fields reported twice keep the
 *     later value), an empty object when the stream reported none; never modified
 * @param finishReason the provider's own word for why the reply ended ({@code stop},
 *     {@code end_turn}, {@code STOP}...), empty when the stream did not say
 */
record Transcript(String text, List<ToolCall> toolCalls, JsonNode usage, String finishReason) {
  Transcript {
    toolCalls = List.copyOf(toolCalls);
    usage = usage.deepCopy();
  }

  boolean isEmpty() {
    return text.isEmpty() && toolCalls.isEmpty();
  }

  /**
   * Collects deltas. Providers stream a tool call's arguments in fragments addressed by a key of their
   * own (an index, a content block, an item id), so calls are kept by that key until the end.
   */
  static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, StringBuilder> arguments = new LinkedHashMap<>();
    private final ObjectNode usage = JsonNodeFactory.instance.objectNode();
    private String finishReason = "";
    private int completeCalls;

    void appendText(String fragment) {
      text.append(fragment);
    }

    /** Starts the call with this key, or names it if fragments came first; a later name is ignored. */
    void startToolCall(String key, String name) {
      if (names.getOrDefault(key, "").isEmpty()) names.put(key, name);
      arguments.computeIfAbsent(key, k -> new StringBuilder());
    }

    /** Appends a fragment of the arguments of the call with this key. */
    void appendArguments(String key, String fragment) {
      names.putIfAbsent(key, "");
      arguments.computeIfAbsent(key, k -> new StringBuilder()).append(fragment);
    }

    /** Sets the arguments of the call with this key, unless fragments already spelled them out. */
    void completeArguments(String key, String complete) {
      StringBuilder streamed = arguments.computeIfAbsent(key, k -> new StringBuilder());
      names.putIfAbsent(key, "");
      if (streamed.length() == 0) streamed.append(complete);
    }

    /** Adds a call that arrived whole, as Gemini sends them. */
    void addToolCall(String name, String completeArguments) {
      String key = "whole#" + completeCalls++;
      names.put(key, name);
      arguments.put(key, new StringBuilder(completeArguments));
    }

    /**
     * Merges a usage object into the usage so far. Providers split it (Anthropic reports input tokens
     * at the start and output tokens at the end) or repeat it with growing counts (Gemini), so later
     * fields win; anything but an object is ignored.
     */
    void mergeUsage(JsonNode reported) {
      if (reported.isObject()) usage.setAll((ObjectNode) reported);
    }

    /** Records why the reply ended; null, empty and non-text values are ignored, the last one wins. */
    void finishReason(JsonNode reason) {
      if (reason.isTextual() && !reason.asText().isEmpty()) finishReason = reason.asText();
    }

    Transcript build() {
      List<ToolCall> calls = new ArrayList<>();
      names.forEach((key, name) -> calls.add(new ToolCall(name, arguments.get(key).toString())));
      return new Transcript(text.toString(), calls, usage, finishReason);
    }
  }
}
