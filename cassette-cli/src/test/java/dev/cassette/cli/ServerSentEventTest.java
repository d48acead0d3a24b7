package dev.cassette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventTest {
  @Test
  void namedAndUnnamedEvents() {
    List<ServerSentEvent> events = ServerSentEvent.parse(
        "event: message_start\ndata: {\"a\":1}\n\ndata: [DONE]\n\n");
    assertEquals(List.of(new ServerSentEvent("message_start", "{\"a\":1}"), new ServerSentEvent("", "[DONE]")),
        events);
  }

  @Test
  void crlfAndCrLineEndings() {
    assertEquals(List.of(new ServerSentEvent("", "one"), new ServerSentEvent("", "two")),
        ServerSentEvent.parse("data: one\r\n\r\ndata: two\r\r"));
  }

  @Test
  void multipleDataLinesJoinWithNewline() {
    assertEquals(List.of(new ServerSentEvent("", "a\nb")), ServerSentEvent.parse("data: a\ndata:b\n\n"));
  }

  @Test
  void commentsAndBlankRunsAreNotEvents() {
    assertEquals(List.of(new ServerSentEvent("", "x")), ServerSentEvent.parse(": keep-alive\n\n\n\ndata: x\n\n"));
  }

  @Test
  void unterminatedLastEventCounts() {
    assertEquals(List.of(new ServerSentEvent("ping", "")), ServerSentEvent.parse("event: ping"));
  }
}
