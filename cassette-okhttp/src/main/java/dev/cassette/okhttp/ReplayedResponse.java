package dev.cassette.okhttp;

import dev.cassette.core.Response;
import dev.cassette.core.ServerSentEvents;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Okio;

/** Builds the OkHttp response a recorded interaction replays as. */
final class ReplayedResponse {
  private ReplayedResponse() {}

  /**
   * The response to {@code request} that {@code recorded} describes: its status, protocol, headers
   * (every value, names as recorded), exact body bytes and, where OkHttp allows it, its trailers.
   *
   * <p>The headers describe the body the caller gets, as a live response's would: a body that was
   * transparently decompressed when recorded ({@code uncompressed}) has no {@code Content-Encoding} or
   * {@code Content-Length}, as OkHttp and Go strip them when they decompress; a {@code Content-Length}
   * that disagrees with the body (a hand-edited cassette) states the body's length; and a recorded
   * {@code transfer_encoding}, which Go keeps out of the headers, is the {@code Transfer-Encoding}
   * header an OkHttp caller saw live.
   */
  static okhttp3.Response build(okhttp3.Request request, Response recorded) {
    byte[] bytes = hasBody(request, recorded) ? recorded.body().bytes() : new byte[0];
    Headers headers = headers(recorded, hasBody(request, recorded) ? bytes.length : -1);
    String contentType = headers.get("Content-Type");
    MediaType mediaType = contentType == null ? null : mediaType(contentType);
    long now = System.currentTimeMillis();
    okhttp3.Response.Builder response = new okhttp3.Response.Builder()
        .request(request)
        .protocol(ProtocolText.toProtocol(recorded.proto(), recorded.protoMajor(), recorded.protoMinor()))
        .code(recorded.code())
        .message(recorded.message())
        .headers(headers)
        .body(body(bytes, mediaType))
        .sentRequestAtMillis(now)
        .receivedResponseAtMillis(now);
    if (!recorded.trailer().isEmpty()) ReplayedTrailers.set(response, toHeaders(recorded.trailer().asMap()));
    return response.build();
  }

  /** The last content type parsed: a cassette's responses mostly share one, and parsing takes a regex. */
  private static volatile ParsedType lastType = new ParsedType("", null);

  private record ParsedType(String text, MediaType parsed) {}

  private static MediaType mediaType(String contentType) {
    ParsedType last = lastType;
    if (last.text().equals(contentType)) return last.parsed();
    MediaType parsed = MediaType.parse(contentType);
    lastType = new ParsedType(contentType, parsed);
    return parsed;
  }

  /**
   * False for responses that have no body on the wire, whatever a recording says; OkHttp's own
   * transport gives them an empty one too.
   */
  private static boolean hasBody(okhttp3.Request request, Response recorded) {
    int code = recorded.code();
    return !request.method().equals("HEAD") && code != 204 && code != 304;
  }

  /** @param bodyLength the length of the body delivered, or -1 when the response has none */
  private static Headers headers(Response recorded, long bodyLength) {
    Headers.Builder headers = toHeaders(recorded.headers().asMap()).newBuilder();
    if (recorded.uncompressed()) {
      headers.removeAll("Content-Encoding");
      headers.removeAll("Content-Length");
    } else if (bodyLength >= 0) {
      String declared = headers.get("Content-Length");
      if (declared != null && !declared.trim().equals(Long.toString(bodyLength))) {
        headers.set("Content-Length", Long.toString(bodyLength));
      }
    }
    if (!recorded.transferEncoding().isEmpty() && headers.get("Transfer-Encoding") == null) {
      headers.add("Transfer-Encoding", String.join(", ", recorded.transferEncoding()));
    }
    return headers.build();
  }

  private static Headers toHeaders(Map<String, List<String>> recorded) {
    Headers.Builder headers = new Headers.Builder();
    for (Map.Entry<String, List<String>> entry : recorded.entrySet()) {
      for (String value : entry.getValue()) {
        // Recorded values may hold bytes that are not ASCII; OkHttp's strict add() would refuse them.
        headers.addUnsafeNonAscii(entry.getKey(), value);
      }
    }
    return headers.build();
  }

  private static ResponseBody body(byte[] bytes, MediaType mediaType) {
    if (mediaType != null && ServerSentEvents.isEventStream(mediaType.toString())) {
      return ResponseBody.create(Okio.buffer(new EventStreamSource(bytes)), mediaType, bytes.length);
    }
    return ResponseBody.create(bytes, mediaType);
  }
}
