package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class EventStreamSourceTest {
  private static List<String> reads(String stream, long byteCount) throws IOException {
    EventStreamSource source = new EventStreamSource(stream.getBytes(StandardCharsets.UTF_8));
    List<String> reads = new ArrayList<>();
    Buffer sink = new Buffer();
    while (source.read(sink, byteCount) != -1) {
      reads.add(sink.readUtf8());
    }
    return reads;
  }

  @Test
  void eachReadReturnsOneEventWithItsBlankLine() throws IOException {
    String stream = "data: {\"a\":1}\n\nevent: delta\ndata: x\n\ndata: [DONE]\n\n";
    assertEquals(List.of("data: {\"a\":1}\n\n", "event: delta\ndata: x\n\n", "data: [DONE]\n\n"),
        reads(stream, 8192));
  }

  @Test
  void crlfAndCrLineEndsEndEventsToo() throws IOException {
    assertEquals(List.of("data: a\r\n\r\n", "data: b\r\r", "data: c\n\n"),
        reads("data: a\r\n\r\ndata: b\r\rdata: c\n\n", 8192));
  }

  @Test
  void trailingPartialEventIsTheLastRead() throws IOException {
    assertEquals(List.of("data: a\n\n", "data: b\n"), reads("data: a\n\ndata: b\n", 8192));
  }

  @Test
  void smallReadsNeverCrossAnEventBoundary() throws IOException {
    assertEquals(List.of("data", ": a\n", "\n", "data", ": b\n", "\n"), reads("data: a\n\ndata: b\n\n", 4));
  }

  @Test
  void emptyStreamIsExhaustedAtOnce() throws IOException {
    assertEquals(List.of(), reads("", 8192));
  }
}
