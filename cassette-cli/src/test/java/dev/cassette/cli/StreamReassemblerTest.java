package dev.cassette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamReassemblerTest {
  private final StreamReassembler reassembler = new StreamReassembler();

  private static String sse(String... events) {
    StringBuilder body = new StringBuilder();
    for (String event : events) body.append(event).append("\n\n");
    return body.toString();
  }

  @Test
  void openAiChatJoinsArgumentFragmentsPerToolIndex() {
    String body = sse(
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"add\",\"arguments\":\"\"}}]}}]}",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"c2\",\"function\":{\"name\":\"multiply\",\"arguments\":\"{\\\"a\\\":\"}}]}}]}",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"a\\\":2}\"}}]}}]}",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"3}\"}}]}}]}",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Done\"}}]}",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\".\"}}]}",
        "data: [DONE]");

    StreamReassembler.Result result = reassembler.reassemble(body);

    assertEquals(8, result.events());
    assertEquals("OpenAI chat completions", result.dialect());
    assertEquals("Done.", result.transcript().text());
    assertEquals(List.of(new ToolCall("add", "{\"a\":2}"), new ToolCall("multiply", "{\"a\":3}")),
        result.transcript().toolCalls());
  }

  @Test
  void anthropicJoinsTextAndToolInput() {
    String body = sse(
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"content\":[]}}",
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hmm\"}}",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"Let me \"}}",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"check.\"}}",
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"weather\",\"input\":{}}}",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\"\"}}",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\": \\\"Paris\\\"}\"}}",
        "event: message_stop\ndata: {\"type\":\"message_stop\"}");

    StreamReassembler.Result result = reassembler.reassemble(body);

    assertEquals(9, result.events());
    assertEquals("Anthropic messages", result.dialect());
    assertEquals("Let me check.", result.transcript().text());
    assertEquals(List.of(new ToolCall("weather", "{\"city\": \"Paris\"}")), result.transcript().toolCalls());
  }

  @Test
  void geminiJoinsTextSkipsThoughtsAndListsFunctionCalls() {
    String body = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"thinking...\",\"thought\":true}]}}]}\r\n\r\n"
        + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Sure\"}]}}]}\r\n\r\n"
        + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"add\",\"args\":{\"a\":2,\"b\":3}}},"
        + "{\"functionCall\":{\"name\":\"multiply\",\"args\":{\"b\":3,\"a\":2}}}]}}]}\r\n\r\n";

    StreamReassembler.Result result = reassembler.reassemble(body);

    assertEquals(3, result.events());
    assertEquals("Gemini", result.dialect());
    assertEquals("Sure", result.transcript().text());
    assertEquals(List.of(new ToolCall("add", "{\"a\":2,\"b\":3}"), new ToolCall("multiply", "{\"b\":3,\"a\":2}")),
        result.transcript().toolCalls());
  }

  @Test
  void openAiResponsesJoinsTextAndFunctionCallArguments() {
    String body = sse(
        "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{}}",
        "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"Checking\"}",
        "event: response.output_item.added\ndata: {\"type\":\"response.output_item.added\",\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"arguments\":\"\",\"name\":\"weather\"}}",
        "event: response.function_call_arguments.delta\ndata: {\"type\":\"response.function_call_arguments.delta\",\"item_id\":\"fc_1\",\"delta\":\"{\\\"location\\\":\"}",
        "event: response.function_call_arguments.delta\ndata: {\"type\":\"response.function_call_arguments.delta\",\"item_id\":\"fc_1\",\"delta\":\"\\\"Paris\\\"}\"}",
        "event: response.output_item.done\ndata: {\"type\":\"response.output_item.done\",\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"arguments\":\"{\\\"location\\\":\\\"Paris\\\"}\",\"name\":\"weather\"}}",
        "event: response.output_item.done\ndata: {\"type\":\"response.output_item.done\",\"item\":{\"id\":\"fc_2\",\"type\":\"function_call\",\"arguments\":\"{}\",\"name\":\"now\"}}");

    StreamReassembler.Result result = reassembler.reassemble(body);

    assertEquals("OpenAI responses", result.dialect());
    assertEquals("Checking", result.transcript().text());
    assertEquals(List.of(new ToolCall("weather", "{\"location\":\"Paris\"}"), new ToolCall("now", "{}")),
        result.transcript().toolCalls());
  }

  @Test
  void unknownEventsAreCountedOnly() {
    StreamReassembler.Result result = reassembler.reassemble(sse("data: hello", "data: {\"x\":1}"));
    assertEquals(2, result.events());
    assertEquals("", result.dialect());
    assertTrue(result.transcript().isEmpty());
  }

  @Test
  void recognisesEventStreams() {
    assertTrue(StreamReassembler.isEventStream("text/event-stream; charset=utf-8", "{}"));
    assertTrue(StreamReassembler.isEventStream(null, "data: {}\n\n"));
    assertTrue(StreamReassembler.isEventStream("application/octet-stream", "event: ping\n\n"));
    assertFalse(StreamReassembler.isEventStream("application/json", "{\"data\": 1}"));
  }
}
