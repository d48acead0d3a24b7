package dev.cassette.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cassette.core.Cassette;
import dev.cassette.core.Response;
import dev.cassette.core.ServerSentEvents;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for a real API: it answers every request with the response body a real service
 * sent, taken from a cassette in {@code fixtures/}, and streams a {@code text/event-stream} body one
 * flushed event at a time, as the service did. The recipes record against it, then replay with it closed.
 */
final class FixtureServer implements AutoCloseable {
  private final HttpServer server;
  private final Response response;
  private final AtomicInteger requests = new AtomicInteger();

  private FixtureServer(Response response) throws IOException {
    this.response = response;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** Serves the first recorded response of {@code fixture}, a path under the project's fixtures/. */
  static FixtureServer serving(String fixture) throws IOException {
    return new FixtureServer(Cassette.load(fixtures().resolve(fixture)).interactions().get(0).response());
  }

  /** The project's fixtures/ folder, found from the working directory (the module's or the project's). */
  static Path fixtures() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("fixtures/README.md"))) return dir.resolve("fixtures");
    }
    throw new UncheckedIOException(new IOException("no fixtures/ folder above " + Path.of("").toAbsolutePath()));
  }

  /** The base URL of the stand-in, e.g. {@code http://127.0.0.1:40123/v1}. */
  String baseUrl() {
    return origin() + "/v1";
  }

  /** The stand-in's scheme, host and port, e.g. {@code http://127.0.0.1:40123}: for SDKs that add the version. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int requestCount() {
    return requests.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try {
      exchange.getRequestBody().readAllBytes();
      requests.incrementAndGet();
      String contentType = response.headers().firstIgnoreCase("Content-Type");
      exchange.getResponseHeaders().add("Content-Type", contentType);
      byte[] body = response.body().bytes();
      boolean stream = ServerSentEvents.isEventStream(contentType);
      exchange.sendResponseHeaders(response.code(), stream ? 0 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (!stream) {
          out.write(body);
          return;
        }
        for (int from = 0; from < body.length; ) {
          int end = ServerSentEvents.eventEnd(body, from);
          out.write(body, from, end - from);
          out.flush();
          from = end;
        }
      }
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
