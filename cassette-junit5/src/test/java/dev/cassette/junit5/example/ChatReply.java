package dev.cassette.junit5.example;

import java.util.List;

/**
 * One streamed assistant turn, put together from its chunks.
 *
 * @param finishReason why the model stopped: {@code stop}, {@code tool_calls}, {@code length}...
 */
public record ChatReply(String text, List<ToolCall> toolCalls, String finishReason) {
  public ChatReply {
    toolCalls = List.copyOf(toolCalls);
  }
}
