package dev.cassette.server;

import com.sun.net.httpserver.HttpExchange;
import dev.cassette.core.Pacing;
import dev.cassette.core.Response;
import dev.cassette.core.ServerSentEvents;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Answers a request with a recorded response: its code, its headers and its exact body bytes. A
 * {@code text/event-stream} body goes out one event per flush, as the live server sent it, so a client's
 * SSE parser sees the events arrive apart; any other body goes out whole, with its length.
 *
 * <p>What the client cannot get back through this server: the reason phrase (the JDK server writes the
 * standard one for the code) and header name case (HTTP/1.1 header names are case-insensitive, and the
 * JDK server sends its own spelling).
 */
final class Replay {
  /** The longest a paced replay waits: a hand-edited or hostile duration must not hang a test. */
  private static final Duration LONGEST_DELAY = Duration.ofMinutes(5);

  private Replay() {}

  static void send(HttpExchange exchange, Response recorded, Pacing pacing) throws IOException {
    if (pacing == Pacing.RECORDED) pause(recorded);
    int code = recorded.code();
    boolean bodiless = ResponseWriter.hasNoBody(exchange.getRequestMethod(), code);
    ResponseWriter.copyHeaders(recorded.headers().asMap(), exchange, bodiless);
    byte[] body = recorded.body().bytes();
    boolean eventStream = ServerSentEvents.isEventStream(recorded.headers().firstIgnoreCase("Content-Type"));
    // An event stream goes out chunked, as live ones do, so the client reads it as it comes.
    long length = eventStream ? -1 : body.length;
    try (OutputStream out = ResponseWriter.sendHead(exchange, code, bodiless, length)) {
      if (bodiless || body.length == 0) return;
      if (!eventStream) {
        out.write(body);
        return;
      }
      for (int start = 0; start < body.length; ) {
        int end = ServerSentEvents.eventEnd(body, start);
        out.write(body, start, end - start);
        out.flush();
        start = end;
      }
    }
  }

  private static void pause(Response recorded) throws IOException {
    long nanos = Math.min(recorded.duration().toNanos(), LONGEST_DELAY.toNanos());
    if (nanos <= 0) return;
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while pacing a replayed response");
    }
  }
}
