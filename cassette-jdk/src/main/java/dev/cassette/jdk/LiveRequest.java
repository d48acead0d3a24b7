package dev.cassette.jdk;

import dev.cassette.core.Body;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.RequestForm;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A caller's request as the cassette sees it ({@link #recorded()}) and as it goes to the network
 * ({@link #toSend()}). The body is read once and both sides use those bytes.
 */
final class LiveRequest {
  private final HttpRequest toSend;
  private final Request recorded;

  private LiveRequest(HttpRequest toSend, Request recorded) {
    this.toSend = toSend;
    this.recorded = recorded;
  }

  /** The request to hand to the network: the original, its body replaced by the copy. */
  HttpRequest toSend() {
    return toSend;
  }

  /** The request in cassette form: what a matcher compares and what gets recorded. */
  Request recorded() {
    return recorded;
  }

  /**
   * Reads the request's body (once) and describes the request as go-vcr would: protocol
   * {@code HTTP/1.1}, canonical header names, {@code form} from the query and a url-encoded body. The
   * copy sent keeps the original's length, or its unknown length (-1), so a request the caller streamed
   * still goes out chunked.
   */
  static CompletableFuture<LiveRequest> capture(HttpRequest request) {
    Optional<BodyPublisher> publisher = request.bodyPublisher();
    long originalLength = publisher.map(BodyPublisher::contentLength).orElse(0L);
    // No body (or BodyPublishers.noBody(), which any number of sends may reuse): sent as it is.
    if (originalLength == 0) return CompletableFuture.completedFuture(of(request, request, new byte[0]));
    return BodyBytes.read(publisher.get()).thenApply(bytes -> {
      BodyPublisher copy = originalLength < 0
          ? BodyPublishers.fromPublisher(BodyPublishers.ofByteArray(bytes))
          : BodyPublishers.ofByteArray(bytes);
      HttpRequest toSend = HttpRequest.newBuilder(request, (name, value) -> true)
          .method(request.method(), copy)
          .build();
      return of(request, toSend, bytes);
    });
  }

  private static LiveRequest of(HttpRequest request, HttpRequest toSend, byte[] bytes) {
    URI uri = request.uri();
    String contentType = request.headers().firstValue("Content-Type").orElse(null);
    Request recorded = Request.builder()
        .protocol("HTTP/1.1")
        .contentLength(bytes.length)
        .host("")
        .body(Body.of(bytes))
        .form(RequestForm.of(request.method(), contentType, bytes, uri.getRawQuery()))
        .headers(headers(request))
        .url(uri.toString())
        .method(request.method())
        .build();
    return new LiveRequest(toSend, recorded);
  }

  /**
   * The caller's headers with canonical names. java.net.http keeps them sorted by name; the headers it
   * adds itself ({@code Content-Length}, {@code Host}, {@code User-Agent}) are not among them, as OkHttp's
   * are not among an application interceptor's.
   */
  private static Multimap headers(HttpRequest request) {
    Multimap.Builder out = Multimap.builder();
    for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
      out.addAll(Multimap.canonicalHeaderName(header.getKey()), header.getValue());
    }
    return out.build();
  }
}
