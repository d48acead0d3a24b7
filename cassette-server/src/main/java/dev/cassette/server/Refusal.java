package dev.cassette.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An answer the server makes itself, when neither the cassette nor the upstream answers. SDKs show an
 * error body to the user only when it is JSON in the shape they know, so a client that accepts JSON
 * or sends it gets the message as {@code error.message} (Anthropic's and OpenAI's shape) and as a
 * top-level {@code message} (AWS's); any other client (curl) gets it as plain text.
 */
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
    boolean json = mentionsJson(exchange, "Accept") || mentionsJson(exchange, "Content-Type");
    String type = code == NO_MATCH ? "cassette_no_match" : "cassette_upstream_failed";
    String text = json
        ? "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":" + quote(message) + "},"
            + "\"message\":" + quote(message) + "}"
        : message + "\n";
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", json ? "application/json" : "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(code, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** An API client: it asks for JSON or sends it (anthropic-java sends no Accept). */
  private static boolean mentionsJson(HttpExchange exchange, String header) {
    return String.valueOf(exchange.getRequestHeaders().getFirst(header)).toLowerCase(Locale.ROOT).contains("json");
  }

  /** A JSON string literal. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }
}
