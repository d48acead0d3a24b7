package dev.cassette.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a streamed LLM reply adds up to: the answer text and the tool calls, reassembled from the deltas
 * the provider streamed. Tool calls keep the order in which they started.
 */
record Transcript(String text, List<ToolCall> toolCalls) {
  Transcript {
    toolCalls = List.copyOf(toolCalls);
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

    Transcript build() {
      List<ToolCall> calls = new ArrayList<>();
      names.forEach((key, name) -> calls.add(new ToolCall(name, arguments.get(key).toString())));
      return new Transcript(text.toString(), calls);
    }
  }
}
