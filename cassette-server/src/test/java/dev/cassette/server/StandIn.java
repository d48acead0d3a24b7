package dev.cassette.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for an upstream API: answers every request with one handler and remembers what
 * it received, so tests can check what the cassette server forwarded.
 */
final class StandIn implements AutoCloseable {
  /** What the stand-in received. */
  record Received(String method, String uri, Headers headers, byte[] body) {}

  /** Answers one request; the body has been read already. */
  interface Handler {
    void handle(HttpExchange exchange, Received request) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private StandIn(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", exchange -> {
      try (exchange) {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
          body = in.readAllBytes();
        }
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
            exchange.getRequestHeaders(), body);
        received.add(request);
        handler.handle(exchange, request);
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  static StandIn start(Handler handler) throws IOException {
    return new StandIn(handler);
  }

  /** Answers every request with this code, content type and body. */
  static StandIn answering(int code, String contentType, byte[] body) throws IOException {
    return start((exchange, request) -> reply(exchange, code, contentType, body));
  }

  static void reply(HttpExchange exchange, int code, String contentType, byte[] body) throws IOException {
    if (contentType != null) exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean bodiless = exchange.getRequestMethod().equals("HEAD") || code == 204 || code == 304;
    exchange.sendResponseHeaders(code, bodiless || body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!bodiless) out.write(body);
    }
  }

  /** The stand-in's base URL, e.g. {@code http://127.0.0.1:4711}. */
  String url() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Received> received() {
    return received;
  }

  /** The received header values under {@code name}, ignoring case. */
  static List<String> header(Received request, String name) {
    for (Map.Entry<String, List<String>> e : request.headers().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
    }
    return List.of();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
