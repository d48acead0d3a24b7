package dev.cassette.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Anthropic Messages streams ({@code message_start}, {@code content_block_delta}...). Text comes as
 * {@code text_delta}s; a {@code tool_use} content block names the tool and its input follows as
 * {@code input_json_delta} fragments of the same block index.
 */
final class AnthropicDialect implements StreamDialect {
  @Override
  public String name() {
    return "Anthropic messages";
  }

  @Override
  public boolean recognizes(String eventName, JsonNode data) {
    String type = data.path("type").asText("");
    return type.startsWith("message_") || type.startsWith("content_block_") || type.equals("ping");
  }

  @Override
  public void apply(String eventName, JsonNode data, Transcript.Builder transcript) {
    String key = data.path("index").asText("0");
    switch (data.path("type").asText("")) {
      case "message_start" -> transcript.mergeUsage(data.path("message").path("usage"));
      case "message_delta" -> {
        transcript.mergeUsage(data.path("usage"));
        transcript.finishReason(data.path("delta").path("stop_reason"));
      }
      case "content_block_start" -> {
        JsonNode block = data.path("content_block");
        if (block.path("type").asText("").endsWith("tool_use")) {
          transcript.startToolCall(key, block.path("name").asText(""));
        }
      }
      case "content_block_delta" -> {
        JsonNode delta = data.path("delta");
        switch (delta.path("type").asText("")) {
          case "text_delta" -> transcript.appendText(delta.path("text").asText(""));
          case "input_json_delta" -> transcript.appendArguments(key, delta.path("partial_json").asText(""));
          default -> { /* thinking and signature deltas are not part of the answer */ }
        }
      }
      default -> { /* message bookkeeping and pings carry no content */ }
    }
  }
}
