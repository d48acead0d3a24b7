package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.GoDuration;
import dev.cassette.core.Response;
import java.util.List;
import okhttp3.Protocol;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class RecordedResponseTest {
  private static final Request REQUEST = new Request.Builder().url("http://127.0.0.1/").build();

  private static okhttp3.Response.Builder response(Protocol protocol, int code, String message) {
    return new okhttp3.Response.Builder().request(REQUEST).protocol(protocol).code(code).message(message);
  }

  @Test
  void http11WithLength() {
    okhttp3.Response live = response(Protocol.HTTP_1_1, 404, "Not Here")
        .header("content-type", "application/json")
        .header("Content-Length", "12")
        .build();
    Response recorded = RecordedResponse.complete(RecordedResponse.head(live, 1_500_000), new byte[12]);
    assertEquals("HTTP/1.1", recorded.proto());
    assertEquals("404 Not Here", recorded.status());
    assertEquals(404, recorded.code());
    assertEquals(12, recorded.contentLength());
    assertEquals(List.of("application/json"), recorded.headers().get("Content-Type"));
    assertEquals(GoDuration.parse("1.5ms"), recorded.duration());
    assertFalse(recorded.uncompressed());
    assertEquals(List.of(), recorded.transferEncoding());
  }

  @Test
  void http2HasGoStatusTextAndUnknownLength() {
    okhttp3.Response live = response(Protocol.HTTP_2, 200, "").build();
    Response recorded = RecordedResponse.complete(RecordedResponse.head(live, 0), new byte[0]);
    assertEquals("HTTP/2.0", recorded.proto());
    assertEquals(2, recorded.protoMajor());
    assertEquals(0, recorded.protoMinor());
    assertEquals("200 OK", recorded.status());
    assertEquals(-1, recorded.contentLength());
  }

  @Test
  void transparentGzipIsUncompressedWithUnknownLength() {
    okhttp3.Response network = response(Protocol.HTTP_1_1, 200, "OK")
        .header("Content-Encoding", "gzip").header("Content-Length", "40").build();
    okhttp3.Response live = response(Protocol.HTTP_1_1, 200, "OK").networkResponse(network).build();
    Response recorded = RecordedResponse.complete(RecordedResponse.head(live, 0), new byte[100]);
    assertTrue(recorded.uncompressed());
    assertEquals(-1, recorded.contentLength());
  }

  @Test
  void chunkedMovesTransferEncodingOutOfTheHeaders() {
    okhttp3.Response network = response(Protocol.HTTP_1_1, 200, "OK").header("Transfer-Encoding", "chunked").build();
    okhttp3.Response live = response(Protocol.HTTP_1_1, 200, "OK")
        .header("Transfer-Encoding", "chunked").header("X-Id", "7").networkResponse(network).build();
    Response recorded = RecordedResponse.complete(RecordedResponse.head(live, 0), new byte[0]);
    assertEquals(List.of("chunked"), recorded.transferEncoding());
    assertEquals(List.of("X-Id"), List.copyOf(recorded.headers().names()));
    assertEquals(-1, recorded.contentLength());
  }
}
