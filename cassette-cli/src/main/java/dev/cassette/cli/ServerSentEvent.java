package dev.cassette.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One event of a {@code text/event-stream} body: its {@code event:} name (empty when absent) and its
 * {@code data:} lines joined with newlines, as the WHATWG event-stream rules dispatch them.
 */
record ServerSentEvent(String name, String data) {

  /**
   * Splits a recorded stream into events. Lines end in CRLF, LF or CR (Gemini sends CRLF); a blank line
   * ends an event; comment lines ({@code :...}) and unknown fields are skipped; an event with neither a
   * name nor data is not counted. A final event without its blank line still counts, because a recording
   * may stop mid-stream.
   */
  static List<ServerSentEvent> parse(String body) {
    List<ServerSentEvent> events = new ArrayList<>();
    String name = "";
    StringBuilder data = null;
    for (String line : body.split("\r\n|\n|\r", -1)) {
      if (line.isEmpty()) {
        if (data != null || !name.isEmpty()) events.add(new ServerSentEvent(name, data == null ? "" : data.toString()));
        name = "";
        data = null;
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) value = value.substring(1);
      if (field.equals("event")) {
        name = value;
      } else if (field.equals("data")) {
        if (data == null) data = new StringBuilder(value);
        else data.append('\n').append(value);
      }
    }
    if (data != null || !name.isEmpty()) events.add(new ServerSentEvent(name, data == null ? "" : data.toString()));
    return events;
  }
}
