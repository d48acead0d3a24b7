package dev.cassette.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.core.Multimap;
import dev.cassette.core.Response;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse.ResponseInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cassette form of a live response, as Go would have recorded it. */
class RecordedResponseTest {
  private static ResponseInfo info(int code, HttpClient.Version version, Map<String, List<String>> headers) {
    HttpHeaders httpHeaders = HttpHeaders.of(headers, (name, value) -> true);
    return new ResponseInfo() {
      @Override
      public int statusCode() {
        return code;
      }

      @Override
      public HttpHeaders headers() {
        return httpHeaders;
      }

      @Override
      public HttpClient.Version version() {
        return version;
      }
    };
  }

  @Test
  void http2IsRecordedAsGoRecordsItWithoutPseudoHeaders() {
    Response response = RecordedResponse.complete(RecordedResponse.head(info(200, HttpClient.Version.HTTP_2,
        Map.of(":status", List.of("200"), "content-type", List.of("application/json"),
            "content-length", List.of("2"))), "GET", 5_000_000), new byte[] {'{', '}'});
    assertEquals("HTTP/2.0", response.proto());
    assertEquals(2, response.protoMajor());
    assertEquals(0, response.protoMinor());
    assertEquals("200 OK", response.status());
    assertEquals(2, response.contentLength());
    assertEquals(Multimap.builder().add("Content-Length", "2").add("Content-Type", "application/json").build(),
        response.headers());
    assertEquals("5ms", response.duration().toString());
  }

  @Test
  void chunkedMovesOutOfTheHeadersAndTheLengthIsUnknown() {
    Response response = RecordedResponse.complete(RecordedResponse.head(info(200, HttpClient.Version.HTTP_1_1,
        Map.of("Transfer-Encoding", List.of("chunked"), "Content-Type", List.of("text/event-stream"))),
        "POST", 0), new byte[0]);
    assertEquals(List.of("chunked"), response.transferEncoding());
    assertEquals(-1, response.contentLength());
    assertEquals(Multimap.of("Content-Type", "text/event-stream"), response.headers());
  }

  @Test
  void http1NoContentHasLengthZeroWhateverTheHeaderSays() {
    Response response = RecordedResponse.head(info(204, HttpClient.Version.HTTP_1_1,
        Map.of("Content-Length", List.of("12"))), "DELETE", 0).build();
    assertEquals(0, response.contentLength());
    assertEquals("204 No Content", response.status());
  }

  @Test
  void aMalformedLengthIsUnknown() {
    Response response = RecordedResponse.head(info(200, HttpClient.Version.HTTP_1_1,
        Map.of("Content-Length", List.of("many"))), "GET", 0).build();
    assertEquals(-1, response.contentLength());
  }
}
