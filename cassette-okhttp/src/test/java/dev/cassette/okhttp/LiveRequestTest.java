package dev.cassette.okhttp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

class LiveRequestTest {
  private static final MediaType JSON = MediaType.parse("application/json");

  /** A body that can be written once, like a stream from a file being uploaded. */
  private static final class OneShotBody extends RequestBody {
    private final byte[] bytes;
    private int writes;

    OneShotBody(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public MediaType contentType() {
      return JSON;
    }

    @Override
    public long contentLength() {
      return -1;
    }

    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      if (writes++ > 0) throw new IllegalStateException("one-shot body written twice");
      sink.write(bytes);
    }
  }

  private static byte[] written(RequestBody body) throws IOException {
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return buffer.readByteArray();
  }

  @Test
  void getWithQuery() throws IOException {
    okhttp3.Request request = new okhttp3.Request.Builder()
        .url("http://127.0.0.1:8080/v1/models?key=abc&tag=a&tag=b+c&empty")
        .header("x-api-key", "k")
        .addHeader("accept", "application/json")
        .build();
    LiveRequest live = LiveRequest.capture(request);
    Request recorded = live.recorded();
    assertSame(request, live.toSend());
    assertEquals("HTTP/1.1", recorded.proto());
    assertEquals(1, recorded.protoMajor());
    assertEquals(1, recorded.protoMinor());
    assertEquals(0, recorded.contentLength());
    assertEquals("", recorded.host());
    assertEquals("GET", recorded.method());
    assertEquals("http://127.0.0.1:8080/v1/models?key=abc&tag=a&tag=b+c&empty", recorded.url());
    assertEquals(List.of("X-Api-Key", "Accept"), List.copyOf(recorded.headers().names()));
    assertEquals(Multimap.builder().add("key", "abc").add("tag", "a").add("tag", "b c").add("empty", "").build(),
        recorded.form());
    assertEquals(0, recorded.body().length());
  }

  @Test
  void oneShotBodyIsReadOnceAndSentFromTheCopy() throws IOException {
    byte[] json = "{\"model\":\"m\",\"stream\":true}".getBytes(StandardCharsets.UTF_8);
    OneShotBody body = new OneShotBody(json);
    okhttp3.Request request = new okhttp3.Request.Builder().url("http://127.0.0.1/v1/chat").post(body).build();
    LiveRequest live = LiveRequest.capture(request);
    assertArrayEquals(json, live.recorded().body().bytes());
    assertEquals(json.length, live.recorded().contentLength());
    assertEquals(List.of("application/json"), live.recorded().headers().get("Content-Type"));
    RequestBody sent = live.toSend().body();
    assertEquals(-1, sent.contentLength(), "an unknown length stays unknown, so the request stays chunked");
    assertEquals(JSON, sent.contentType());
    assertArrayEquals(json, written(sent));
    assertArrayEquals(json, written(sent), "the copy can be sent again, e.g. on a retry");
  }

  @Test
  void formBodyParametersComeBeforeQueryParameters() throws IOException {
    FormBody body = new FormBody.Builder().add("user", "ada").add("next", "x y").build();
    okhttp3.Request request = new okhttp3.Request.Builder().url("http://127.0.0.1/login?next=%2Fhome").post(body).build();
    Request recorded = LiveRequest.capture(request).recorded();
    assertEquals(List.of("x y", "/home"), recorded.form().get("next"));
    assertEquals(List.of("ada"), recorded.form().get("user"));
    assertArrayEquals(written(body), recorded.body().bytes());
    assertEquals(recorded.body().length(), recorded.contentLength());
  }

  @Test
  void malformedAndSemicolonPairsAreSkippedAsGoDoes() throws IOException {
    okhttp3.Request request = new okhttp3.Request.Builder().url("http://127.0.0.1/?a=%zz&b=1;c=2&d=4").build();
    assertEquals(Multimap.of("d", "4"), LiveRequest.capture(request).recorded().form());
  }

  @Test
  void duplexBodyGoesUntouchedAndIsRecordedAsUnknown() throws IOException {
    RequestBody duplex = new RequestBody() {
      @Override
      public MediaType contentType() {
        return JSON;
      }

      @Override
      public boolean isDuplex() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) {
        throw new AssertionError("a duplex body must not be read up front");
      }
    };
    okhttp3.Request request = new okhttp3.Request.Builder().url("http://127.0.0.1/stream").post(duplex).build();
    LiveRequest live = LiveRequest.capture(request);
    assertSame(request, live.toSend());
    assertEquals(-1, live.recorded().contentLength());
    assertEquals(0, live.recorded().body().length());
  }
}
