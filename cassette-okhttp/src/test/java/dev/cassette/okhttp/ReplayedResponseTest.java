package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
