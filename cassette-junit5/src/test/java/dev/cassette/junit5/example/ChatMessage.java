package dev.cassette.junit5.example;

import java.util.List;

/**
 * One message of a chat conversation in the OpenAI chat completions format.
 *
 * @param toolCalls the tools an assistant message asks to run; empty otherwise
 * @param toolCallId the call a tool message answers; null otherwise
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId) {
  public ChatMessage {
    toolCalls = List.copyOf(toolCalls);
  }

  public static ChatMessage system(String content) {
    return new ChatMessage("system", content, List.of(), null);
  }

  public static ChatMessage user(String content) {
    return new ChatMessage("user", content, List.of(), null);
  }

  /** The assistant's turn as it was streamed, sent back so the model sees its own tool calls. */
  public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
    return new ChatMessage("assistant", content, toolCalls, null);
  }

  /** A tool's result for one call. */
  public static ChatMessage tool(String toolCallId, String content) {
    return new ChatMessage("tool", content, List.of(), toolCallId);
  }
}
