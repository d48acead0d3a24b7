package dev.cassette.core;

import java.util.Locale;

/**
 * Where one server-sent event ends in a recorded {@code text/event-stream} body. A live server flushes
 * each event as it happens, so a client's SSE parser sees one event per read; client adapters replay such
 * a body one event at a time, because handing over the whole stream at once would hide bugs that only
 * show when events arrive apart (a parser that waits for more data, a UI that renders the first token
 * late).
 */
public final class ServerSentEvents {
  private ServerSentEvents() {}

  /** True when {@code contentType} (a header value, parameters allowed, or null) is {@code text/event-stream}. */
  public static boolean isEventStream(String contentType) {
    if (contentType == null) return false;
    int semicolon = contentType.indexOf(';');
    String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    return mediaType.toLowerCase(Locale.ROOT).equals("text/event-stream");
  }

  /**
   * The index just past the event that starts at {@code from}: past the first empty line, where lines
   * end in LF, CRLF or CR as the SSE specification allows; or the end of the bytes when no event ends.
   */
  public static int eventEnd(byte[] bytes, int from) {
    boolean lineEmpty = true;
    int i = from;
    while (i < bytes.length) {
      byte b = bytes[i];
      if (b == '\r' || b == '\n') {
        int next = (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') ? i + 2 : i + 1;
        if (lineEmpty) return next;
        lineEmpty = true;
        i = next;
      } else {
        lineEmpty = false;
        i++;
      }
    }
    return bytes.length;
  }
}
