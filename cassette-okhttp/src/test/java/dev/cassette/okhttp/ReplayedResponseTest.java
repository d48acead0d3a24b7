package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cassette.core.Body;
import dev.cassette.core.Multimap;
import dev.cassette.core.Response;
import java.io.IOException;
import java.util.List;
import okhttp3.Protocol;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class ReplayedResponseTest {
  private static final Request GET = new Request.Builder().url("http://127.0.0.1/v1/chat").build();
  private static final Request HEAD = new Request.Builder().url("http://127.0.0.1/v1/chat").head().build();

  @Test
  void statusProtocolHeadersAndBodyAsRecorded() throws IOException {
    byte[] body = {0, (byte) 0xff, 'h', 'i', (byte) 0x80};
    Response recorded = Response.builder()
        .protocol("HTTP/1.0")
        .status("201 Made It")
        .code(201)
        .headers(Multimap.builder()
            .add("content-type", "application/octet-stream")
            .add("Set-Cookie", "a=1")
            .add("Set-Cookie", "b=2")
            .build())
        .body(Body.of(body))
        .build();
    try (okhttp3.Response response = ReplayedResponse.build(GET, recorded)) {
      assertEquals(Protocol.HTTP_1_0, response.protocol());
      assertEquals(201, response.code());
      assertEquals("Made It", response.message());
      assertEquals(List.of("a=1", "b=2"), response.headers("Set-Cookie"));
      assertEquals("content-type", response.headers().name(0));
      assertEquals("application/octet-stream", response.body().contentType().toString());
      assertArrayEquals(body, response.body().bytes());
      assertEquals(GET, response.request());
    }
  }

  @Test
  void http2RecordingUsesTheTextAfterTheCode() throws IOException {
    Response recorded = Response.builder().protocol("HTTP/2.0").status("200 OK").code(200).body("{}").build();
    try (okhttp3.Response response = ReplayedResponse.build(GET, recorded)) {
      assertEquals(Protocol.HTTP_2, response.protocol());
      assertEquals("OK", response.message());
      assertNull(response.body().contentType());
      assertEquals("{}", response.body().string());
    }
  }

  @Test
  void headAnd204And304HaveEmptyBodies() throws IOException {
    Response withBody = Response.builder().code(200).body("recorded by mistake").build();
    try (okhttp3.Response response = ReplayedResponse.build(HEAD, withBody)) {
      assertEquals(0, response.body().bytes().length);
    }
    for (int code : new int[] {204, 304}) {
      Response recorded = withBody.toBuilder().code(code).status(code + " X").build();
      try (okhttp3.Response response = ReplayedResponse.build(GET, recorded)) {
        assertEquals(code, response.code());
        assertEquals(0, response.body().bytes().length);
      }
    }
  }

  @Test
  void eventStreamArrivesOneEventPerRead() throws IOException {
    String stream = "event: a\ndata: 1\n\ndata: 2\n\n";
    Response recorded = Response.builder()
        .headers(Multimap.of("Content-Type", "text/event-stream; charset=utf-8"))
        .body(stream)
        .build();
    try (okhttp3.Response response = ReplayedResponse.build(GET, recorded)) {
      okio.BufferedSource source = response.body().source();
      assertEquals(true, source.request(1));
      assertEquals("event: a\ndata: 1\n\n", source.getBuffer().readUtf8());
      assertEquals(true, source.request(1));
      assertEquals("data: 2\n\n", source.getBuffer().readUtf8());
      assertEquals(true, source.exhausted());
    }
  }

  /** A body un-gzipped while recording is delivered decoded: headers must not announce gzip or its length. */
  @Test
  void anUncompressedBodyHasNoContentEncodingOrLength() throws IOException {
    Response recorded = Response.builder()
        .headers(Multimap.builder().add("Content-Encoding", "gzip").add("Content-Length", "31")
            .add("X-Request-Id", "r").build())
        .uncompressed(true)
        .body("{\"text\":\"decoded, and longer\"}")
        .build();
    try (okhttp3.Response response = ReplayedResponse.build(GET, recorded)) {
      assertNull(response.header("Content-Encoding"));
      assertNull(response.header("Content-Length"));
      assertEquals("r", response.header("X-Request-Id"));
      assertEquals("{\"text\":\"decoded, and longer\"}", response.body().string());
    }
  }

  @Test
  void aContentLengthStatesTheBodyDelivered() throws IOException {
    Response edited = Response.builder()
        .headers(Multimap.builder().add("Content-Length", "999").build())
        .body("{\"edited\":true}")
        .build();
    try (okhttp3.Response response = ReplayedResponse.build(GET, edited)) {
      assertEquals("15", response.header("Content-Length"));
      assertEquals(15, response.body().contentLength());
    }
    // HEAD announces the length a GET would have returned, with no body
    try (okhttp3.Response response = ReplayedResponse.build(HEAD, edited)) {
      assertEquals("999", response.header("Content-Length"));
      assertEquals(0, response.body().bytes().length);
    }
  }

  @Test
  void aChunkedRecordingHasTheTransferEncodingHeaderALiveCallerSaw() throws IOException {
    Response recorded = Response.builder().transferEncoding(List.of("chunked")).body("abc").build();
    try (okhttp3.Response response = ReplayedResponse.build(GET, recorded)) {
      assertEquals("chunked", response.header("Transfer-Encoding"));
    }
  }

  @Test
  void trailersReplayOnOkHttp5() throws IOException {
    Response recorded = Response.builder()
        .trailer(Multimap.builder().add("Grpc-Status", "0").add("X-Checksum", "a").add("X-Checksum", "b").build())
        .body("abc")
        .build();
    try (okhttp3.Response response = ReplayedResponse.build(GET, recorded)) {
      assertEquals("abc", response.body().string());
      if (ReplayedTrailers.supported()) {
        assertEquals(List.of("a", "b"), response.trailers().values("X-Checksum"));
        assertEquals("0", response.trailers().get("Grpc-Status"));
      } else {
        assertThrows(IllegalStateException.class, response::trailers, "OkHttp 4.12");
      }
    }
  }
}
