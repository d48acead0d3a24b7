package dev.cassette.okhttp.testserver.okhttp5;

import dev.cassette.okhttp.testserver.Reply;
import dev.cassette.okhttp.testserver.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okio.Buffer;

/** {@link TestServer} on mockwebserver3 (OkHttp 5). */
public final class MockWebServer3Server implements TestServer {
  private final MockWebServer server = new MockWebServer();

  public MockWebServer3Server(boolean http2) throws IOException {
    if (http2) server.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @Override
  public HttpUrl url(String path) {
    return server.url(path);
  }

  @Override
  public void enqueue(Reply reply) {
    MockResponse.Builder response = new MockResponse.Builder().code(reply.code());
    for (String[] header : reply.headers()) response.addHeader(header[0], header[1]);
    if (!reply.trailers().isEmpty()) {
      Headers.Builder trailers = new Headers.Builder();
      for (String[] trailer : reply.trailers()) trailers.add(trailer[0], trailer[1]);
      response.trailers(trailers.build());
    }
    if (reply.body() != null) {
      Buffer body = new Buffer().write(reply.body());
      if (reply.chunkSize() > 0) response.chunkedBody(body, reply.chunkSize());
      else response.body(body);
    }
    server.enqueue(response.build());
  }

  @Override
  public Received takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    if (request == null) throw new AssertionError("the server received no request");
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    return new Received(request.getMethod(), request.getTarget(), request.getHeaders(), body);
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
