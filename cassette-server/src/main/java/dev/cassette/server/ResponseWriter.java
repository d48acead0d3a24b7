package dev.cassette.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Sends a response head and body to the client through the JDK server, which frames the body itself:
 * a known length goes out with {@code Content-Length}, an unknown one chunked, and responses that have
 * no body on the wire (to {@code HEAD}, and {@code 1xx}, {@code 204}, {@code 304}) get none.
 */
final class ResponseWriter {
  private ResponseWriter() {}

  /** True when the response to {@code method} with {@code code} carries no body on the wire. */
  static boolean hasNoBody(String method, int code) {
    return method.equalsIgnoreCase("HEAD") || code / 100 == 1 || code == 204 || code == 304;
  }

  /**
   * Copies the end-to-end headers into the exchange's response headers. For a response without a body
   * (a {@code HEAD} answer), {@code Content-Length} is kept: it tells the client the length a
   * {@code GET} would have had, and the JDK server sends it as given.
   */
  static void copyHeaders(Map<String, List<String>> from, HttpExchange exchange, boolean bodiless) {
    ProxyHeaders rule = ProxyHeaders.of(from);
    Headers to = exchange.getResponseHeaders();
    from.forEach((name, values) -> {
      boolean keepLength = bodiless && name.equalsIgnoreCase("Content-Length");
      if (rule.forwards(name) || keepLength) {
        for (String value : values) to.add(name, value);
      }
    });
  }

  /**
   * Sends the head. {@code length} is the body's length, or -1 when unknown (sent chunked); ignored
   * when the response has no body.
   *
   * @return where the body goes; closing it ends the response
   */
  static OutputStream sendHead(HttpExchange exchange, int code, boolean bodiless, long length) throws IOException {
    if (bodiless) {
      exchange.sendResponseHeaders(code, -1);
    } else if (length == 0) {
      exchange.sendResponseHeaders(code, -1); // the JDK server's way to say Content-Length: 0
    } else {
      exchange.sendResponseHeaders(code, length < 0 ? 0 : length); // 0 means chunked
    }
    return exchange.getResponseBody();
  }
}
