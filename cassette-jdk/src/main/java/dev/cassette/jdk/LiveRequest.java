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
  private final HttpRequest original;
  /** The body as read, or null when the original is sent as it is (it has no body). */
  private final byte[] copied;
  private final long originalLength;
  private final Request recorded;
  /** {@link #toSend()} once built; racing builds would give equal requests. */
  private HttpRequest toSend;

  private LiveRequest(HttpRequest original, byte[] copied, long originalLength, Request recorded) {
    this.original = original;
    this.copied = copied;
    this.originalLength = originalLength;
    this.recorded = recorded;
  }

  /**
   * The request to hand to the network: the original, its body replaced by the copy. Built on demand:
   * a replayed request never goes to the network, and building one costs as much as the rest of a
   * replay's capture.
   */
  HttpRequest toSend() {
    if (copied == null) return original;
    if (toSend != null) return toSend;
    BodyPublisher copy = originalLength < 0
        ? BodyPublishers.fromPublisher(BodyPublishers.ofByteArray(copied))
        : BodyPublishers.ofByteArray(copied);
    toSend = HttpRequest.newBuilder(original, (name, value) -> true)
        .method(original.method(), copy)
        .build();
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
    if (originalLength == 0) {
      return CompletableFuture.completedFuture(new LiveRequest(request, null, 0, recorded(request, new byte[0])));
    }
    return BodyBytes.read(publisher.get())
        .thenApply(bytes -> new LiveRequest(request, bytes, originalLength, recorded(request, bytes)));
  }

  private static Request recorded(HttpRequest request, byte[] bytes) {
    URI uri = request.uri();
    String contentType = request.headers().firstValue("Content-Type").orElse(null);
    return Request.builder()
        .protocol("HTTP/1.1")
        .contentLength(bytes.length)
        .host("")
        // Wrapped, not copied: the array was just read for this request, and the body sent is read from
        // it, never written.
        .body(Body.wrap(bytes))
        .form(RequestForm.of(request.method(), contentType, bytes, uri.getRawQuery()))
        .headers(headers(request))
        .url(uri.toString())
        .method(request.method())
        .build();
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
