package dev.cassette.jdk;

import dev.cassette.core.Response;
import dev.cassette.core.ServerSentEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSession;

/**
 * The {@link HttpResponse} a recorded interaction replays as: its status, every recorded header, its
 * version ({@code HTTP/2.0} recordings replay as {@link HttpClient.Version#HTTP_2}), the caller's request
 * and URI, and a body made by the caller's own {@link BodyHandler} from the recorded bytes.
 */
final class ReplayedResponse<T> implements HttpResponse<T> {
  private final HttpRequest request;
  private final Head head;
  private final T body;

  private ReplayedResponse(HttpRequest request, Head head, T body) {
    this.request = request;
    this.head = head;
    this.body = body;
  }

  /** The status, headers and version a handler sees before the body. */
  private record Head(int statusCode, HttpHeaders headers, HttpClient.Version version) implements ResponseInfo {}

  /**
   * Runs {@code handler} over {@code recorded}; completes when the handler's body does, as
   * {@code sendAsync} does (at once for streaming handlers such as {@code ofInputStream}).
   */
  static <T> CompletableFuture<HttpResponse<T>> replay(
      HttpRequest request, Response recorded, BodyHandler<T> handler) {
    Head head = new Head(recorded.code(), headers(recorded),
        ProtocolText.toVersion(recorded.protoMajor(), recorded.proto()));
    BodySubscriber<T> subscriber = handler.apply(head);
    // These responses have no body on the wire, whatever a recording says; java.net.http gives them an
    // empty one too.
    int code = recorded.code();
    boolean noBody = request.method().equals("HEAD") || code == 204 || code == 304;
    byte[] bytes = noBody ? new byte[0] : recorded.body().bytes();
    RecordedBody.deliver(subscriber, bytes,
        ServerSentEvents.isEventStream(recorded.headers().firstIgnoreCase("Content-Type")));
    return subscriber.getBody().toCompletableFuture()
        .thenApply(body -> new ReplayedResponse<>(request, head, body));
  }

  /** Every recorded value; names that differ only in case are merged, as {@link HttpHeaders} requires. */
  private static HttpHeaders headers(Response recorded) {
    Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    recorded.headers().asMap().forEach((name, values) ->
        merged.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values));
    return HttpHeaders.of(merged, (name, value) -> true);
  }

  @Override
  public int statusCode() {
    return head.statusCode();
  }

  @Override
  public HttpRequest request() {
    return request;
  }

  /** Empty: a redirected exchange is recorded as one interaction and replays without its redirects. */
  @Override
  public Optional<HttpResponse<T>> previousResponse() {
    return Optional.empty();
  }

  @Override
  public HttpHeaders headers() {
    return head.headers();
  }

  @Override
  public T body() {
    return body;
  }

  /** Empty: no TLS session exists in a replay. */
  @Override
  public Optional<SSLSession> sslSession() {
    return Optional.empty();
  }

  @Override
  public URI uri() {
    return request.uri();
  }

  @Override
  public HttpClient.Version version() {
    return head.version();
  }

  @Override
  public String toString() {
    return "(" + request.method() + " " + request.uri() + ") " + head.statusCode() + " (replayed)";
  }
}
