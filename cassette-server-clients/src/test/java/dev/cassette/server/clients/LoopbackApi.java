package dev.cassette.server.clients;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for a vendor API: answers with what {@link Answer} says, streaming SSE events one
 * flush each, and counts the requests it got.
 */
final class LoopbackApi implements AutoCloseable {
  /** Decides the answer to one request from its path and body. */
  interface Answer {
    /** Returns the content type and the events (one element for a plain body). */
    Reply to(String path, String body);
  }

  record Reply(int code, String contentType, List<String> parts) {
    static Reply json(String json) {
      return new Reply(200, "application/json", List.of(json));
    }

    static Reply events(List<String> events) {
      return new Reply(200, "text/event-stream", events);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> paths = new CopyOnWriteArrayList<>();

  LoopbackApi(Answer answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        paths.add(exchange.getRequestURI().getRawPath());
        send(exchange, answer.to(exchange.getRequestURI().getRawPath(), body));
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    boolean stream = reply.parts().size() > 1;
    byte[] whole = String.join("", reply.parts()).getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.code(), stream ? 0 : whole.length);
    try (OutputStream out = exchange.getResponseBody()) {
      for (String part : reply.parts()) {
        out.write(part.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<String> paths() {
    return paths;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
