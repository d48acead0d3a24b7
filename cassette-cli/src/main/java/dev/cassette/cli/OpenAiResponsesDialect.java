package dev.cassette.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OpenAI Responses API streams ({@code response.*} events). Text is {@code response.output_text.delta};
 * a function call starts as a {@code function_call} output item and its arguments stream as
 * {@code response.function_call_arguments.delta}, addressed by the item's id.
 */
final class OpenAiResponsesDialect implements StreamDialect {
  @Override
  public String name() {
    return "OpenAI responses";
  }

  @Override
  public boolean recognizes(String eventName, JsonNode data) {
    return data.path("type").asText("").startsWith("response.");
  }

  @Override
  public void apply(String eventName, JsonNode data, Transcript.Builder transcript) {
    JsonNode item = data.path("item");
    boolean functionCall = item.path("type").asText("").equals("function_call");
    switch (data.path("type").asText("")) {
      case "response.output_text.delta" -> transcript.appendText(data.path("delta").asText(""));
      case "response.output_item.added" -> {
        if (functionCall) transcript.startToolCall(item.path("id").asText(""), item.path("name").asText(""));
      }
      case "response.function_call_arguments.delta" ->
          transcript.appendArguments(data.path("item_id").asText(""), data.path("delta").asText(""));
      case "response.output_item.done" -> {
        if (functionCall) {
          String id = item.path("id").asText("");
          transcript.startToolCall(id, item.path("name").asText(""));
          transcript.completeArguments(id, item.path("arguments").asText(""));
        }
      }
      case "response.completed", "response.incomplete", "response.failed" -> {
        JsonNode response = data.path("response");
        transcript.mergeUsage(response.path("usage"));
        JsonNode incomplete = response.path("incomplete_details").path("reason");
        transcript.finishReason(incomplete.isTextual() ? incomplete : response.path("status"));
      }
      default -> { /* lifecycle events repeat what the deltas already said */ }
    }
  }
}
