package dev.cassette.server;

import com.sun.net.httpserver.HttpExchange;
import dev.cassette.core.Pacing;
import dev.cassette.core.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Answers a request with a recorded response: its code, its headers and its exact body bytes. A
 * streamed body ({@code text/event-stream}, or an AWS event stream) goes out chunked, one message per
 * flush, as the live server sent it, so the client's parser sees the messages arrive apart; any other
 * body goes out whole, with its length.
 *
 * <p>What the client cannot get back through this server: the reason phrase (the JDK server writes the
 * standard one for the code) and header name case (HTTP/1.1 header names are case-insensitive, and the
 * JDK server sends its own spelling).
 */
final class Replay {
  private Replay() {}

  static void send(HttpExchange exchange, Response recorded, Pacing pacing) throws IOException {
    pause(pacing.delayOf(recorded.duration()));
    int code = recorded.code();
    boolean bodiless = ResponseWriter.hasNoBody(exchange.getRequestMethod(), code);
    ResponseWriter.copyHeaders(recorded.headers().asMap(), exchange, bodiless);
    byte[] body = recorded.body().bytes();
    StreamFraming framing = StreamFraming.of(recorded.headers().firstIgnoreCase("Content-Type"));
    // A stream goes out chunked, as live ones do, one message per flush, so the client reads it as it came.
    long length = framing == StreamFraming.NONE ? body.length : -1;
    try (OutputStream out = ResponseWriter.sendHead(exchange, code, bodiless, length)) {
      if (bodiless || body.length == 0) return;
      for (int start = 0; start < body.length; ) {
        int end = framing.messageEnd(body, start);
        out.write(body, start, end - start);
        out.flush();
        start = end;
      }
    }
  }

  private static void pause(Duration delay) throws IOException {
    long nanos = delay.toNanos();
    if (nanos <= 0) return;
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while pacing a replayed response");
    }
  }
}
