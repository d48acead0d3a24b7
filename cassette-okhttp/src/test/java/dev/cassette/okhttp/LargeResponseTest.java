package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.okhttp.testserver.RawServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large streamed response records and replays in a small heap: a child JVM records it through the
 * interceptor from a loopback server and replays it from the saved cassette.
 *
 * <p>By default 24 MiB under {@code -Xmx64m}, which runs in seconds. The full figure, 200 MB under
 * {@code -Xmx512m}, takes longer and runs on request:
 * {@code mvn -pl cassette-okhttp -am verify -Dtest=LargeResponseTest -Dcassette.largeResponseMb=200
 * -Dcassette.largeResponseHeap=512m -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LargeResponseTest {
  @TempDir Path dir;

  @Test
  void aLargeStreamedResponseRecordsAndReplaysInASmallHeap() throws Exception {
    long megabytes = Long.getLong("cassette.largeResponseMb", 24);
    String heap = System.getProperty("cassette.largeResponseHeap", "64m");
    long size = megabytes * 1_000_000;
    byte[] event = sseEvent();
    CRC32 expected = new CRC32();
    long events = size / event.length;
    for (long i = 0; i < events; i++) expected.update(event);

    try (RawServer server = new RawServer(out -> stream(out, event, events))) {
      Path cassette = dir.resolve("large.yaml");
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
          LargeResponseJvm.class.getName(), server.url("/stream"), cassette.toString())
          .redirectErrorStream(true).start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the child hangs");
      assertEquals(0, child.exitValue(), output);

      String[] figures = output.strip().lines().reduce((a, b) -> b).orElseThrow().split(" ");
      long bytes = events * event.length;
      assertEquals(bytes, Long.parseLong(figures[0]), "recorded length; " + output);
      assertEquals(expected.getValue(), Long.parseLong(figures[1]), "recorded content");
      assertEquals(bytes, Long.parseLong(figures[2]), "replayed length");
      assertEquals(expected.getValue(), Long.parseLong(figures[3]), "replayed content");
      System.out.println("LargeResponseTest: " + bytes + " bytes under -Xmx" + heap + ": cassette "
          + figures[4] + " bytes, peak heap " + figures[5] + " MiB");
    }
  }

  /** One server-sent event of about 1 KB, as a model streams a chunk of text. */
  private static byte[] sseEvent() {
    String text = "The quick brown fox jumps over the lazy dog. ".repeat(20);
    return ("data: {\"choices\":[{\"delta\":{\"content\":\"" + text + "\"}}]}\n\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void stream(OutputStream out, byte[] event, long events) throws Exception {
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    final int perChunk = 64;
    for (long sent = 0; sent < events; sent += perChunk) {
      int n = (int) Math.min(perChunk, events - sent);
      out.write((Integer.toHexString(n * event.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < n; i++) out.write(event);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
