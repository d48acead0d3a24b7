package dev.cassette.junit5.standin;

import java.io.Closeable;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * A stand-in for a real API on 127.0.0.1: mockwebserver3 under OkHttp 5, okhttp3.mockwebserver under
 * OkHttp 4.12 (which has no mockwebserver3, and whose class path cannot also hold OkHttp 5). The pom
 * compiles only the implementation for the OkHttp line under test.
 */
public interface StandIn extends Closeable {
  /**
   * Starts a server that answers every request with {@code answers.apply(request)}.
   */
  static StandIn start(Function<Received, Answer> answers) throws Exception {
    for (String name : new String[] {
        "dev.cassette.junit5.standin.okhttp5.MockWebServer3StandIn",
        "dev.cassette.junit5.standin.okhttp4.MockWebServerStandIn"}) {
      try {
        return (StandIn) Class.forName(name).getConstructor(Function.class).newInstance(answers);
      } catch (ClassNotFoundException e) {
        // Not compiled for this OkHttp line; try the other.
      }
    }
    throw new IllegalStateException("no StandIn implementation compiled");
  }

  HttpUrl url(String path);

  int requestCount();

  @Override
  void close();

  /** A request as the server saw it. */
  record Received(String method, String path, String body) {}

  /** A 200 response. */
  record Answer(String contentType, String body) {}
}
