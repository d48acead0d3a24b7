package dev.cassette.okhttp;

import dev.cassette.core.ServerSentEvents;
import java.io.IOException;
import okio.Buffer;
import okio.Source;
import okio.Timeout;

/**
 * Replays a recorded {@code text/event-stream} body one event per read, as a live server's flushes
 * arrive (see {@link ServerSentEvents}). Each {@link #read} returns at most one event, up to and
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
    int end = ServerSentEvents.eventEnd(bytes, position);
    int count = (int) Math.min(byteCount, end - position);
    sink.write(bytes, position, count);
    position += count;
    return count;
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
