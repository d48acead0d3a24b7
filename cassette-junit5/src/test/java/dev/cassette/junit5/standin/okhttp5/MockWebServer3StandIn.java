package dev.cassette.junit5.standin.okhttp5;

import dev.cassette.junit5.standin.StandIn;
import java.io.IOException;
import java.net.InetAddress;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** {@link StandIn} on mockwebserver3 (OkHttp 5). */
public final class MockWebServer3StandIn implements StandIn {
  private final MockWebServer server = new MockWebServer();

  public MockWebServer3StandIn(Function<Received, Answer> answers) throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Answer answer = answers.apply(new Received(request.getMethod(), request.getUrl().encodedPath(), body));
        return new MockResponse.Builder()
            .addHeader("Content-Type", answer.contentType())
            .body(answer.body())
            .build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @Override
  public HttpUrl url(String path) {
    return server.url(path);
  }

  @Override
  public int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
