package dev.cassette.server;

import dev.cassette.core.ServerSentEvents;
import java.util.Locale;

/**
 * Where a recorded streaming body splits into the messages a live server flushed one by one, so that a
 * replay sends each as its own chunk: server-sent events end at a blank line; AWS event stream messages
 * ({@code application/vnd.amazon.eventstream}, Bedrock's streaming answers) carry their length in
 * their first four bytes.
 */
enum StreamFraming {
  /** Not a stream: the body goes out whole. */
  NONE,
  SERVER_SENT_EVENTS,
  AWS_EVENT_STREAM;

  /** The framing of a body with this content type (a header value, or null). */
  static StreamFraming of(String contentType) {
    if (ServerSentEvents.isEventStream(contentType)) return SERVER_SENT_EVENTS;
    if (contentType == null) return NONE;
    int semicolon = contentType.indexOf(';');
    String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    return mediaType.toLowerCase(Locale.ROOT).equals("application/vnd.amazon.eventstream") ? AWS_EVENT_STREAM : NONE;
  }

  /**
   * The index just past the message that starts at {@code from}. An AWS message whose length does not fit
   * (a body cut short, or not an event stream after all) runs to the end of the body.
   */
  int messageEnd(byte[] body, int from) {
    switch (this) {
      case SERVER_SENT_EVENTS:
        return ServerSentEvents.eventEnd(body, from);
      case AWS_EVENT_STREAM:
        if (body.length - from < 4) return body.length;
        long length = ((body[from] & 0xffL) << 24) | ((body[from + 1] & 0xff) << 16)
            | ((body[from + 2] & 0xff) << 8) | (body[from + 3] & 0xff);
        // A message is at least its 12-byte prelude and 4-byte CRC.
        return length < 16 || length > body.length - from ? body.length : from + (int) length;
      default:
        return body.length;
    }
  }
}
