package dev.cassette.server;

import java.util.Locale;

/**
 * Where one server-sent event ends in a recorded {@code text/event-stream} body, so that a replay can
 * flush each event on its own, as the live server did.
 */
final class ServerSentEvents {
  private ServerSentEvents() {}

  /** True when {@code contentType} (a header value, parameters allowed, or null) is {@code text/event-stream}. */
  static boolean isEventStream(String contentType) {
    if (contentType == null) return false;
    int semicolon = contentType.indexOf(';');
    String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    return mediaType.toLowerCase(Locale.ROOT).equals("text/event-stream");
  }

  /**
   * The index just past the event that starts at {@code from}: past the first empty line, where lines
   * end in LF, CRLF or CR as the SSE specification allows; or the end of the bytes when no event ends.
   */
  static int eventEnd(byte[] bytes, int from) {
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
