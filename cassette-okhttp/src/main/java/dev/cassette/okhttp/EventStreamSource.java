package dev.cassette.okhttp;

import java.io.IOException;
import okio.Buffer;
import okio.Source;
import okio.Timeout;

/**
 * Replays a recorded {@code text/event-stream} body one event per read. A live server flushes each
 * event as it happens, so a client's SSE parser sees one event per socket read; handing it the whole
 * stream at once would hide bugs that only show when events arrive apart (a parser that waits for more
 * data, a UI that renders the first token late). Each {@link #read} returns at most one event, up to and
 * including the blank line that ends it.
 */
final class EventStreamSource implements Source {
  private final byte[] bytes;
  private int position;

  EventStreamSource(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    if (byteCount < 0) throw new IllegalArgumentException("byteCount < 0: " + byteCount);
    if (position == bytes.length) return -1;
    int end = eventEnd(bytes, position);
    int count = (int) Math.min(byteCount, end - position);
    sink.write(bytes, position, count);
    position += count;
    return count;
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

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public void close() {
    position = bytes.length;
  }
}
