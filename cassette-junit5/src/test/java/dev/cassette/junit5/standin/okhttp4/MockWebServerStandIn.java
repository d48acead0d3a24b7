package dev.cassette.junit5.standin.okhttp4;

import dev.cassette.junit5.standin.StandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** {@link StandIn} on okhttp3.mockwebserver (OkHttp 4.12). */
public final class MockWebServerStandIn implements StandIn {
  private final MockWebServer server = new MockWebServer();

  public MockWebServerStandIn(Function<Received, Answer> answers) throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        Answer answer = answers.apply(new Received(request.getMethod(),
            request.getRequestUrl().encodedPath(), request.getBody().readUtf8()));
        return new MockResponse().setHeader("Content-Type", answer.contentType()).setBody(answer.body());
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
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
