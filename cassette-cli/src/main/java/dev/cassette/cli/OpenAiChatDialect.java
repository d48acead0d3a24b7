package dev.cassette.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OpenAI chat completions chunks ({@code "object": "chat.completion.chunk"}), also spoken by most
 * OpenAI-compatible servers (Hugging Face, Groq, OpenRouter, llama.cpp...). Text is
 * {@code choices[].delta.content}; a tool call's name arrives once and its arguments in fragments, all
 * addressed by the tool call's {@code index}.
 */
final class OpenAiChatDialect implements StreamDialect {
  @Override
  public String name() {
    return "OpenAI chat completions";
  }

  @Override
  public boolean recognizes(String eventName, JsonNode data) {
    return data.path("choices").isArray();
  }

  @Override
  public void apply(String eventName, JsonNode data, Transcript.Builder transcript) {
    transcript.mergeUsage(data.path("usage"));
    for (JsonNode choice : data.path("choices")) {
      transcript.finishReason(choice.path("finish_reason"));
      JsonNode delta = choice.path("delta");
      if (delta.path("content").isTextual()) transcript.appendText(delta.path("content").asText());
      for (JsonNode call : delta.path("tool_calls")) {
        String key = choice.path("index").asText("0") + "/" + call.path("index").asText("0");
        JsonNode function = call.path("function");
        transcript.startToolCall(key, function.path("name").asText(""));
        if (function.path("arguments").isTextual()) {
          transcript.appendArguments(key, function.path("arguments").asText());
        }
      }
    }
  }
}
