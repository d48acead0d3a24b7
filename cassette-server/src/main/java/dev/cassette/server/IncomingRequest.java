package dev.cassette.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.cassette.core.Body;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.RequestForm;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A request made to the server, read once, as the upstream request it stands for: {@code METHOD /p?q}
 * on the server is {@code METHOD <upstream>/p?q}. {@link #recorded()} describes it exactly as
 * cassette-okhttp's interceptor describes the same request made directly, so either records the same
 * file and replays the other's.
 */
final class IncomingRequest {
  private final String method;
  private final URI target;
  private final Multimap headers;
  private final byte[] body;
  private final Request recorded;

  private IncomingRequest(String method, URI target, Multimap headers, byte[] body, Request recorded) {
    this.method = method;
    this.target = target;
    this.headers = headers;
    this.body = body;
    this.recorded = recorded;
  }

  /**
   * Reads the request's head and its whole body (the server has already undone chunked transfer
   * coding). The target keeps the path and query exactly as encoded by the client.
   */
  static IncomingRequest read(HttpExchange exchange, Upstream upstream) throws IOException {
    String method = exchange.getRequestMethod();
    URI requested = exchange.getRequestURI();
    URI target = upstream.resolve(requested.getRawPath(), requested.getRawQuery());
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Multimap headers = forwardedHeaders(exchange.getRequestHeaders());
    Request recorded = Request.builder()
        .protocol("HTTP/1.1")
        .contentLength(body.length)
        .host("")
        .body(Body.of(body))
        .form(RequestForm.of(method, headers.firstIgnoreCase("Content-Type"), body, target.getRawQuery()))
        .headers(headers)
        .url(target.toString())
        .method(method)
        .build();
    return new IncomingRequest(method, target, headers, body, recorded);
  }

  String method() {
    return method;
  }

  /** The upstream URL this request stands for. */
  URI target() {
    return target;
  }

  /** The end-to-end headers, canonical names: what goes upstream, before {@code Accept-Encoding} is set. */
  Multimap headers() {
    return headers;
  }

  byte[] body() {
    return body;
  }

  /** The request in cassette form: what is matched and recorded. */
  Request recorded() {
    return recorded;
  }

  /**
   * The client's headers without hop-by-hop ones, {@code Host} and {@code Content-Length}: a request the
   * interceptor sees carries none of them either, since OkHttp adds them below application interceptors.
   */
  private static Multimap forwardedHeaders(Headers headers) {
    ProxyHeaders rule = ProxyHeaders.of(headers);
    Multimap.Builder out = Multimap.builder();
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (!rule.forwards(entry.getKey())) continue;
      out.addAll(Multimap.canonicalHeaderName(entry.getKey()), entry.getValue());
    }
    return out.build();
  }
}
