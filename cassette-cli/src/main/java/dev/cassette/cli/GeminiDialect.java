package dev.cassette.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Google Gemini {@code streamGenerateContent?alt=sse}: each event holds {@code candidates} whose
 * {@code content.parts} carry text, or a whole {@code functionCall} (Gemini does not stream arguments).
 * Parts marked {@code thought} are the model's reasoning summary, not its answer, and are left out.
 */
final class GeminiDialect implements StreamDialect {
  @Override
  public String name() {
    return "Gemini";
  }

  @Override
  public boolean recognizes(String eventName, JsonNode data) {
    return data.path("candidates").isArray();
  }

  @Override
  public void apply(String eventName, JsonNode data, Transcript.Builder transcript) {
    transcript.mergeUsage(data.path("usageMetadata"));
    for (JsonNode candidate : data.path("candidates")) {
      transcript.finishReason(candidate.path("finishReason"));
      for (JsonNode part : candidate.path("content").path("parts")) {
        if (part.path("thought").asBoolean(false)) continue;
        if (part.path("text").isTextual()) transcript.appendText(part.path("text").asText());
        JsonNode call = part.path("functionCall");
        if (call.isObject()) {
          JsonNode args = call.path("args");
          transcript.addToolCall(call.path("name").asText(""), args.isMissingNode() ? "{}" : args.toString());
        }
      }
    }
  }
}
