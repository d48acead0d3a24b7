package dev.cassette.okhttp;

import dev.cassette.core.Body;
import dev.cassette.core.GoDuration;
import dev.cassette.core.Multimap;
import dev.cassette.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.Protocol;

/**
 * Describes a live OkHttp response in cassette form, as Go's {@code http.Response} would have held it:
 * canonical header names, {@code Transfer-Encoding} moved out of the headers into
 * {@code transfer_encoding}, and {@code uncompressed} with an unknown length where OkHttp transparently
 * un-gzipped the body (Go's transport does the same).
 */
final class RecordedResponse {
  private RecordedResponse() {}

  /** Everything but the body, known once the headers have arrived. */
  static Response.Builder head(okhttp3.Response response, long durationNanos) {
    okhttp3.Response network = response.networkResponse() != null ? response.networkResponse() : response;
    boolean uncompressed = "gzip".equalsIgnoreCase(network.header("Content-Encoding"))
        && response.header("Content-Encoding") == null;
    boolean chunked = network.headers("Transfer-Encoding").stream()
        .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("chunked"));

    Response.Builder head = Response.builder()
        .protocol(ProtocolText.of(response.protocol()))
        .contentLength(uncompressed ? -1 : contentLength(response))
        .uncompressed(uncompressed)
        .headers(headers(response.headers()))
        .code(response.code())
        .duration(GoDuration.ofNanos(durationNanos));
    if (chunked) head.transferEncoding(List.of("chunked"));
    // HTTP/2 has no reason phrase; Go fills the status text from the code, which the builder does when
    // no status is set.
    if (!response.message().isEmpty()) head.status(response.code() + " " + response.message());
    return head;
  }

  /**
   * The finished response: {@code head} plus the whole body, whose array is handed over (not copied:
   * a recorded stream may be hundreds of megabytes).
   */
  static Response complete(Response.Builder head, byte[] body) {
    return head.body(Body.wrap(body)).build();
  }

  /** The finished response: {@code head}, the whole body and the trailers that followed it. */
  static Response complete(Response.Builder head, byte[] body, Multimap trailers) {
    return head.body(Body.of(body)).trailer(trailers).build();
  }

  /**
   * The trailers that followed the body, with canonical names as Go records them; empty when there
   * were none or OkHttp cannot tell. Call it only once the body has been read to its end, when OkHttp
   * has them. A response that did not come from the network (a cache hit, or one made up by another
   * interceptor) has no exchange to read them from: OkHttp 4.12 then throws, and that means none.
   */
  static Multimap trailers(okhttp3.Response response) {
    Headers trailers;
    try {
      trailers = response.trailers();
    } catch (IOException | RuntimeException notAvailable) {
      return Multimap.empty();
    }
    return headers(trailers);
  }

  /** As Go's HTTP/1 transport sets {@code ContentLength}; its HTTP/2 transport only reads the header. */
  private static long contentLength(okhttp3.Response response) {
    int code = response.code();
    boolean http1 = response.protocol() == Protocol.HTTP_1_0 || response.protocol() == Protocol.HTTP_1_1;
    boolean neverHasBody = code / 100 == 1 || code == 204 || code == 304;
    if (http1 && neverHasBody && !response.request().method().equals("HEAD")) {
      return 0; // whatever the headers claim
    }
    String value = response.header("Content-Length");
    if (value == null) return -1;
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Multimap headers(Headers headers) {
    Multimap.Builder out = Multimap.builder();
    for (int i = 0; i < headers.size(); i++) {
      String name = Multimap.canonicalHeaderName(headers.name(i));
      // Go's transport moves Transfer-Encoding out of the header map into its own field (on replay it
      // is put back, see ReplayedResponse).
      if (name.equals("Transfer-Encoding")) continue;
      out.add(name, headers.value(i));
    }
    return out.build();
  }
}
