package dev.cassette.okhttp.testserver.okhttp4;

import dev.cassette.okhttp.testserver.Reply;
import dev.cassette.okhttp.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/** {@link TestServer} on okhttp3.mockwebserver (OkHttp 4.12). */
public final class MockWebServerServer implements TestServer {
  private final MockWebServer server = new MockWebServer();

  public MockWebServerServer(boolean http2) throws IOException {
    if (http2) server.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @Override
  public HttpUrl url(String path) {
    return server.url(path);
  }

  @Override
  public void enqueue(Reply reply) {
    MockResponse response = new MockResponse().setResponseCode(reply.code());
    for (String[] header : reply.headers()) response.addHeader(header[0], header[1]);
    if (!reply.trailers().isEmpty()) {
      Headers.Builder trailers = new Headers.Builder();
      for (String[] trailer : reply.trailers()) trailers.add(trailer[0], trailer[1]);
      response.setTrailers(trailers.build());
    }
    if (reply.body() != null) {
      Buffer body = new Buffer().write(reply.body());
      if (reply.chunkSize() > 0) response.setChunkedBody(body, reply.chunkSize());
      else response.setBody(body);
    }
    server.enqueue(response);
  }

  @Override
  public Received takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    if (request == null) throw new AssertionError("the server received no request");
    return new Received(request.getMethod(), request.getPath(), request.getHeaders(),
        request.getBody().readByteArray());
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
