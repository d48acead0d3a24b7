package dev.cassette.okhttp;

import dev.cassette.core.Body;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.RequestForm;
import java.io.IOException;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * A caller's request as the cassette sees it ({@link #recorded()}) and as it goes to the network
 * ({@link #toSend()}). The body is read once and both sides use those bytes.
 */
final class LiveRequest {
  private final okhttp3.Request original;
  /** The body as read, or null when the original is sent as it is (no body, or a duplex one). */
  private final RequestBody copied;
  private final Request recorded;
  /** {@link #toSend()} once built; racing builds would give equal requests. */
  private okhttp3.Request toSend;

  private LiveRequest(okhttp3.Request original, RequestBody copied, Request recorded) {
    this.original = original;
    this.copied = copied;
    this.recorded = recorded;
  }

  /**
   * The request to hand to the network: the original, its body replaced by the buffered copy. Built on
   * demand: a replayed request never goes to the network.
   */
  okhttp3.Request toSend() {
    if (copied == null) return original;
    if (toSend != null) return toSend;
    toSend = original.newBuilder().method(original.method(), copied).build();
    return toSend;
  }

  /** The request in cassette form: what a matcher compares and what gets recorded. */
  Request recorded() {
    return recorded;
  }

  /**
   * Reads the request's body (once) and describes the request as go-vcr would: protocol
   * {@code HTTP/1.1}, canonical header names, {@code form} from the query and a url-encoded body.
   * A duplex body streams while the response arrives, so it cannot be read up front: it goes to the
   * network untouched and is recorded as an empty body of unknown length (-1).
   */
  static LiveRequest capture(okhttp3.Request request) throws IOException {
    RequestBody body = request.body();
    RequestBody copied = null;
    byte[] bytes = new byte[0];
    long contentLength = 0;
    if (body != null && body.isDuplex()) {
      contentLength = -1;
    } else if (body != null) {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      bytes = buffer.readByteArray();
      copied = new BufferedRequestBody(body.contentType(), body.contentLength(), bytes);
      contentLength = bytes.length;
    }

    Request recorded = Request.builder()
        .protocol("HTTP/1.1")
        .contentLength(contentLength)
        .host("")
        // Wrapped, not copied: the array was just read for this request, and the body sent is read from
        // it, never written.
        .body(Body.wrap(bytes))
        .form(RequestForm.of(request.method(), contentType(request, body), bytes, request.url().encodedQuery()))
        .headers(headers(request.headers(), body))
        .url(request.url().toString())
        .method(request.method())
        .build();
    return new LiveRequest(request, copied, recorded);
  }

  /** The content type as sent: the caller's header, else the body's media type. */
  private static String contentType(okhttp3.Request request, RequestBody body) {
    String header = request.header("Content-Type");
    if (header != null || body == null) return header;
    MediaType mediaType = body.contentType();
    return mediaType == null ? null : mediaType.toString();
  }

  /**
   * The headers as sent, with canonical names. OkHttp sends the body's content type as a
   * {@code Content-Type} header it adds after application interceptors run, so it is added here
   * too when the caller did not set one: go-vcr sees it in Go, where callers set it themselves.
   */
  private static Multimap headers(Headers headers, RequestBody body) {
    Multimap.Builder out = Multimap.builder();
    for (int i = 0; i < headers.size(); i++) {
      out.add(Multimap.canonicalHeaderName(headers.name(i)), headers.value(i));
    }
    MediaType contentType = body == null ? null : body.contentType();
    if (contentType != null && headers.get("Content-Type") == null) {
      out.add("Content-Type", contentType.toString());
    }
    return out.build();
  }
}
