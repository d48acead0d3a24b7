package dev.cassette.okhttp.testserver;

import java.io.Closeable;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A loopback HTTP server for tests: mockwebserver3 under OkHttp 5, okhttp3.mockwebserver under OkHttp
 * 4.12 (which has no mockwebserver3, and whose test class path cannot hold OkHttp 5). The pom compiles
 * only the implementation for the OkHttp line under test.
 */
public interface TestServer extends Closeable {
  /** Starts an HTTP/1.1 server on 127.0.0.1 with whichever implementation was compiled. */
  static TestServer start() throws Exception {
    return start(false);
  }

  /** Starts a server on 127.0.0.1 speaking cleartext HTTP/2 only (clients need {@code H2_PRIOR_KNOWLEDGE}). */
  static TestServer startHttp2() throws Exception {
    return start(true);
  }

  private static TestServer start(boolean http2) throws Exception {
    for (String name : new String[] {
        "dev.cassette.okhttp.testserver.okhttp5.MockWebServer3Server",
        "dev.cassette.okhttp.testserver.okhttp4.MockWebServerServer"}) {
      try {
        return (TestServer) Class.forName(name).getConstructor(boolean.class).newInstance(http2);
      } catch (ClassNotFoundException e) {
        // Not compiled for this OkHttp line; try the other.
      }
    }
    throw new IllegalStateException("no TestServer implementation compiled");
  }

  HttpUrl url(String path);

  void enqueue(Reply reply);

  /** The next request the server received, waiting up to 10 seconds. */
  Received takeRequest() throws InterruptedException;

  int requestCount();

  @Override
  void close();

  /** A request as the server saw it. */
  record Received(String method, String target, Headers headers, byte[] body) {}
}
