package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

class TeeSourceTest {
  private final List<byte[]> completed = new ArrayList<>();
  private final List<IOException> failures = new ArrayList<>();
  private final TeeSource.Listener listener = new TeeSource.Listener() {
    @Override
    public void complete(byte[] body) {
      completed.add(body);
    }

    @Override
    public void failed(IOException cause) {
      failures.add(cause);
    }
  };

  private static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) bytes[i] = (byte) (i * 31);
    return bytes;
  }

  @Test
  void readToTheEndCompletesWithTheWholeBodyOnce() throws IOException {
    byte[] body = bytes(100_000);
    BufferedSource source = Okio.buffer(new TeeSource(new Buffer().write(body), listener));
    assertArrayEquals(body, source.readByteArray());
    source.close();
    assertEquals(1, completed.size());
    assertArrayEquals(body, completed.get(0));
    assertEquals(List.of(), failures);
  }

  @Test
  void closedEarlyStillCompletesWithTheWholeBody() throws IOException {
    byte[] body = bytes(50_000);
    BufferedSource source = Okio.buffer(new TeeSource(new Buffer().write(body), listener));
    source.require(10);
    assertEquals(body[0], source.readByte());
    assertEquals(List.of(), completed);
    source.close();
    assertEquals(1, completed.size());
    assertArrayEquals(body, completed.get(0));
  }

  @Test
  void failureRecordsNothingAndRethrows() throws IOException {
    IOException boom = new IOException("connection reset");
    Source failing = new Source() {
      private boolean sent;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        if (sent) throw boom;
        sent = true;
        sink.writeUtf8("partial");
        return 7;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    };
    BufferedSource source = Okio.buffer(new TeeSource(failing, listener));
    assertSame(boom, assertThrows(IOException.class, source::readByteArray));
    source.close();
    assertEquals(List.of(), completed);
    assertEquals(List.of(boom), failures);
  }

  @Test
  void failureWhileDrainingOnCloseIsQuietAndRecordsNothing() throws IOException {
    IOException boom = new IOException("canceled");
    Source failing = new Source() {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        throw boom;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    };
    new TeeSource(failing, listener).close();
    assertEquals(List.of(), completed);
    assertEquals(1, failures.size());
    assertNull(failures.get(0).getCause());
  }
}
