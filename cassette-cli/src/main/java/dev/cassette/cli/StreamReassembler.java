package dev.cassette.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;

/**
 * Turns a recorded server-sent-event body back into what the client saw: the event count and, for the
 * LLM providers it knows, the reassembled text and tool calls. Events that are not JSON (OpenAI's
 * {@code data: [DONE]}) or that no dialect recognises are counted and otherwise skipped.
 */
final class StreamReassembler {
  private static final List<StreamDialect> DIALECTS = List.of(
      new OpenAiChatDialect(),
      new AnthropicDialect(),
      new OpenAiResponsesDialect(),
      new GeminiDialect());

  private final ObjectMapper json = new ObjectMapper();

  /** The result: how many events, which provider format (empty when none was recognised), and the reply. */
  record Result(int events, String dialect, Transcript transcript) {}

  /**
   * True when a body is an event stream: its content type says so, or it starts like one (recorders do
   * not always keep the {@code Content-Type} header).
   */
  static boolean isEventStream(String contentType, String body) {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) return true;
    return body.startsWith("data:") || body.startsWith("event:");
  }

  Result reassemble(String body) {
    List<ServerSentEvent> events = ServerSentEvent.parse(body);
    Transcript.Builder transcript = new Transcript.Builder();
    String dialectName = "";
    for (ServerSentEvent event : events) {
      JsonNode data = parse(event.data());
      if (data == null) continue;
      for (StreamDialect dialect : DIALECTS) {
        if (dialect.recognizes(event.name(), data)) {
          dialect.apply(event.name(), data, transcript);
          if (dialectName.isEmpty()) dialectName = dialect.name();
          break;
        }
      }
    }
    return new Result(events.size(), dialectName, transcript.build());
  }

  private JsonNode parse(String data) {
    if (!data.startsWith("{")) return null;
    try {
      return json.readTree(data);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
