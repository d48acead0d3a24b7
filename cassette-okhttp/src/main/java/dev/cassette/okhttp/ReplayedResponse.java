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
   * (every value, names as recorded) and exact body bytes.
   */
  static okhttp3.Response build(okhttp3.Request request, Response recorded) {
    Headers headers = headers(recorded);
    String contentType = headers.get("Content-Type");
    MediaType mediaType = contentType == null ? null : MediaType.parse(contentType);
    long now = System.currentTimeMillis();
    return new okhttp3.Response.Builder()
        .request(request)
        .protocol(ProtocolText.toProtocol(recorded.proto(), recorded.protoMajor(), recorded.protoMinor()))
        .code(recorded.code())
        .message(recorded.message())
        .headers(headers)
        .body(body(request, recorded, mediaType))
        .sentRequestAtMillis(now)
        .receivedResponseAtMillis(now)
        .build();
  }

  private static Headers headers(Response recorded) {
    Headers.Builder headers = new Headers.Builder();
    for (Map.Entry<String, List<String>> entry : recorded.headers().asMap().entrySet()) {
      for (String value : entry.getValue()) {
        // Recorded values may hold bytes that are not ASCII; OkHttp's strict add() would refuse them.
        headers.addUnsafeNonAscii(entry.getKey(), value);
      }
    }
    return headers.build();
  }

  private static ResponseBody body(okhttp3.Request request, Response recorded, MediaType mediaType) {
    // These responses have no body on the wire, whatever a recording says; OkHttp's own transport
    // gives them an empty one too.
    int code = recorded.code();
    if (request.method().equals("HEAD") || code == 204 || code == 304) {
      return ResponseBody.create(new byte[0], mediaType);
    }
    byte[] bytes = recorded.body().bytes();
    if (ServerSentEvents.isEventStream(recorded.headers().firstIgnoreCase("Content-Type"))) {
      return ResponseBody.create(Okio.buffer(new EventStreamSource(bytes)), mediaType, bytes.length);
    }
    return ResponseBody.create(bytes, mediaType);
  }
}
