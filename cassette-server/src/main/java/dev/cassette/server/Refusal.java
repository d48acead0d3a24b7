package dev.cassette.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A plain-text answer the server makes itself, when neither the cassette nor the upstream answers. */
final class Refusal {
  /**
   * The cassette has no answer for the request (or the recorder is stopped). A 4xx that SDKs do not
   * retry: the OpenAI, Anthropic and AWS SDKs retry 408, 409, 429 and 5xx, which would only delay the
   * failure by their backoff. 404, as WireMock answers an unmatched request.
   */
  static final int NO_MATCH = 404;

  /** The upstream could not be reached, or failed before its response began. */
  static final int BAD_GATEWAY = 502;

  private Refusal() {}

  static void send(HttpExchange exchange, int code, String message) throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(code, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
