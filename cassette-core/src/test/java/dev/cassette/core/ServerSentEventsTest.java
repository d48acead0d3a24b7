package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {
  private static List<String> events(String stream) {
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    List<String> events = new ArrayList<>();
    for (int from = 0; from < bytes.length; ) {
      int end = ServerSentEvents.eventEnd(bytes, from);
      events.add(new String(bytes, from, end - from, StandardCharsets.UTF_8));
      from = end;
    }
    return events;
  }

  @Test
  void eachEventEndsAfterItsBlankLineWhateverTheLineEnd() {
    assertEquals(List.of("data: a\r\n\r\n", "event: x\ndata: b\r\r", "data: c\n\n", "data: d\n"),
        events("data: a\r\n\r\nevent: x\ndata: b\r\rdata: c\n\ndata: d\n"));
  }

  @Test
  void contentTypeWithParametersAndAnyCase() {
    assertTrue(ServerSentEvents.isEventStream("text/event-stream"));
    assertTrue(ServerSentEvents.isEventStream("Text/Event-Stream; charset=utf-8"));
    assertFalse(ServerSentEvents.isEventStream("application/json"));
    assertFalse(ServerSentEvents.isEventStream(null));
  }
}
