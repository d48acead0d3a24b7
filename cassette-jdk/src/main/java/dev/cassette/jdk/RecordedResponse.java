package dev.cassette.jdk;

import dev.cassette.core.Body;
import dev.cassette.core.GoDuration;
import dev.cassette.core.Multimap;
import dev.cassette.core.Response;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.ResponseInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Describes a live java.net.http response in cassette form, as Go's {@code http.Response} would have
 * held it: canonical header names, {@code Transfer-Encoding} moved out of the headers into
 * {@code transfer_encoding}, HTTP/2's pseudo-headers left out, and the status text derived from the code
 * (java.net.http never sees a reason phrase; Go fills it in the same way for HTTP/2). java.net.http does
 * not decompress bodies, so {@code uncompressed} stays false and a gzip body is recorded as sent.
 */
final class RecordedResponse {
  private RecordedResponse() {}

  /** Everything but the body, known once the headers have arrived. */
  static Response.Builder head(ResponseInfo info, String method, long durationNanos) {
    boolean chunked = info.headers().allValues("Transfer-Encoding").stream()
        .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("chunked"));
    Response.Builder head = Response.builder()
        .protocol(ProtocolText.of(info.version()))
        .contentLength(contentLength(info, method))
        .headers(headers(info))
        .code(info.statusCode())
        .duration(GoDuration.ofNanos(durationNanos));
    if (chunked) head.transferEncoding(List.of("chunked"));
    return head;
  }

  /**
   * The finished response: {@code head} plus the whole body, whose array (a fresh copy the tee made) is
   * handed over rather than copied again: a recorded stream may be hundreds of megabytes.
   */
  static Response complete(Response.Builder head, byte[] body) {
    return head.body(Body.wrap(body)).build();
  }

  /** As Go's HTTP/1 transport sets {@code ContentLength}; its HTTP/2 transport only reads the header. */
  private static long contentLength(ResponseInfo info, String method) {
    int code = info.statusCode();
    boolean neverHasBody = code / 100 == 1 || code == 204 || code == 304;
    if (info.version() == HttpClient.Version.HTTP_1_1 && neverHasBody && !method.equals("HEAD")) {
      return 0; // whatever the headers claim
    }
    try {
      return info.headers().firstValueAsLong("Content-Length").orElse(-1);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Multimap headers(ResponseInfo info) {
    Multimap.Builder out = Multimap.builder();
    for (Map.Entry<String, List<String>> header : info.headers().map().entrySet()) {
      // HTTP/2 pseudo-headers (":status") are not headers in Go's map.
      if (header.getKey().startsWith(":")) continue;
      String name = Multimap.canonicalHeaderName(header.getKey());
      // Go's transport moves Transfer-Encoding out of the header map into its own field.
      if (name.equals("Transfer-Encoding")) continue;
      out.addAll(name, header.getValue());
    }
    return out.build();
  }
}
