package dev.cassette.cli;

import dev.cassette.core.Cassette;
import dev.cassette.core.GoDuration;
import dev.cassette.core.Interaction;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Small cassettes built in code, for tests that compare two recordings. */
final class Recordings {
  static final String CHAT = "https://api.openai.com/v1/chat/completions";

  private Recordings() {}

  static Path save(Path file, Interaction... interactions) throws IOException {
    Cassette.builder().interactions(List.of(interactions)).build().save(file);
    return file;
  }

  /** A POST of this JSON body answered by this JSON body, with an id header and a duration. */
  static Interaction json(String url, String requestBody, int code, String responseBody, String requestId, long millis) {
    return Interaction.of(
        Request.builder().method("POST").url(url).body(requestBody)
            .headers(Multimap.of("Content-Type", "application/json")).build(),
        Response.builder().code(code).body(responseBody)
            .headers(Multimap.builder().add("Content-Type", "application/json").add("X-Request-Id", requestId)
                .add("Date", "Tue, 01 Dec 2026 07:0" + (millis % 10) + ":00 GMT").build())
            .duration(GoDuration.ofNanos(millis * 1_000_000)).build());
  }

  /**
   * An OpenAI chat completion streamed as chunks: one chunk per text fragment, then each tool call
   * (name, then its arguments in two fragments), then the finish reason and the usage.
   */
  static Interaction stream(String requestBody, String id, long created, List<String> fragments,
      List<String[]> toolCalls, String finishReason, int completionTokens) {
    StringBuilder body = new StringBuilder();
    String head = "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":" + created
        + ",\"model\":\"gpt-4o-2024-08-06\",\"system_fingerprint\":\"fp_" + id.hashCode() + "\",\"choices\":[{\"index\":0,";
    for (String fragment : fragments) {
      body.append("data: ").append(head).append("\"delta\":{\"content\":").append(quote(fragment))
          .append("},\"finish_reason\":null}]}\n\n");
    }
    for (int i = 0; i < toolCalls.size(); i++) {
      String name = toolCalls.get(i)[0];
      String arguments = toolCalls.get(i)[1];
      int half = arguments.length() / 2;
      body.append("data: ").append(head).append("\"delta\":{\"tool_calls\":[{\"index\":").append(i)
          .append(",\"id\":\"call_").append(id).append(i).append("\",\"function\":{\"name\":\"").append(name)
          .append("\",\"arguments\":").append(quote(arguments.substring(0, half))).append("}}]},\"finish_reason\":null}]}\n\n");
      body.append("data: ").append(head).append("\"delta\":{\"tool_calls\":[{\"index\":").append(i)
          .append(",\"function\":{\"arguments\":").append(quote(arguments.substring(half)))
          .append("}}]},\"finish_reason\":null}]}\n\n");
    }
    body.append("data: ").append(head).append("\"delta\":{},\"finish_reason\":\"").append(finishReason).append("\"}]}\n\n");
    body.append("data: {\"id\":\"").append(id).append("\",\"object\":\"chat.completion.chunk\",\"created\":").append(created)
        .append(",\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":").append(completionTokens)
        .append(",\"total_tokens\":").append(20 + completionTokens).append("}}\n\n");
    body.append("data: [DONE]\n\n");
    return Interaction.of(
        Request.builder().method("POST").url(CHAT).body(requestBody)
            .headers(Multimap.of("Content-Type", "application/json")).build(),
        Response.builder().code(200).body(body.toString())
            .headers(Multimap.of("Content-Type", "text/event-stream; charset=utf-8"))
            .duration(GoDuration.ofNanos(created % 1000 * 1_000_000)).build());
  }

  /** A JSON string literal; control characters become {@code \}{@code uXXXX}, as JSON requires. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }
}
