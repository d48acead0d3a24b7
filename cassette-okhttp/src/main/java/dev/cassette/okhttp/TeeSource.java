package dev.cassette.okhttp;

import java.io.IOException;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/**
 * Passes a response body through to the caller as it arrives while keeping a copy, so a recorded
 * stream reaches the caller as fast as it would without recording. When the body ends, or the caller
 * closes it, the copy goes to {@link Listener#complete}; a body closed early is read to its end first,
 * so the cassette still holds the whole response. A body that fails goes to {@link Listener#failed}
 * instead, and nothing is recorded.
 */
final class TeeSource extends ForwardingSource {
  /** Hears how the body ended; called at most once, with exactly one of the two methods. */
  interface Listener {
    void complete(byte[] body);

    void failed(IOException cause);
  }

  private final Buffer copy = new Buffer();
  private final Listener listener;
  private boolean finished;

  TeeSource(Source delegate, Listener listener) {
    super(delegate);
    this.listener = listener;
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    long read;
    try {
      read = super.read(sink, byteCount);
    } catch (IOException e) {
      fail(e);
      throw e;
    }
    if (read == -1) {
      complete();
    } else {
      synchronized (this) {
        if (!finished) sink.copyTo(copy, sink.size() - read, read);
      }
    }
    return read;
  }

  @Override
  public void close() throws IOException {
    try {
      drain();
    } finally {
      super.close();
    }
  }

  /** Reads what the caller left unread into the copy, then completes. */
  private void drain() {
    synchronized (this) {
      if (finished) return;
    }
    Buffer discard = new Buffer();
    try {
      while (read(discard, 8192) != -1) {
        discard.clear();
      }
    } catch (IOException e) {
      // Already reported to the listener by read(); closing must not throw for it.
    }
  }

  private void complete() {
    byte[] body;
    synchronized (this) {
      if (finished) return;
      finished = true;
      body = copy.readByteArray();
    }
    listener.complete(body);
  }

  private void fail(IOException cause) {
    synchronized (this) {
      if (finished) return;
      finished = true;
      copy.clear();
    }
    listener.failed(cause);
  }
}
