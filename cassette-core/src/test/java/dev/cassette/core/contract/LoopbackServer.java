package dev.cassette.core.contract;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A live API on 127.0.0.1 for adapter tests, built on the JDK's own HTTP server so that every client
 * module can use it without another dependency. It answers requests with queued {@link Reply}s in order
 * and keeps what it received.
 */
public final class LoopbackServer implements AutoCloseable {
  /** A request as the server saw it. */
  public record Received(String method, String target, Map<String, List<String>> headers, byte[] body) {}

  private final HttpServer server;
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final AtomicInteger count = new AtomicInteger();

  private LoopbackServer(HttpServer server) {
    this.server = server;
  }

  public static LoopbackServer start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LoopbackServer loopback = new LoopbackServer(server);
    server.createContext("/", loopback::handle);
    server.start();
    return loopback;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      count.incrementAndGet();
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
          Map.copyOf(exchange.getRequestHeaders()), body));
      Reply reply = replies.poll();
      if (reply == null) reply = Reply.of(500, "text/plain", "no reply queued");
      reply.headers().asMap().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
      boolean noBody = exchange.getRequestMethod().equals("HEAD") || reply.code() == 204 || reply.code() == 304
          || reply.body().length == 0;
      exchange.sendResponseHeaders(reply.code(), noBody ? -1 : reply.chunked() ? 0 : reply.body().length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    } finally {
      exchange.close();
    }
  }

  /** The URL of {@code path} (starting with {@code /}) on this server. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public void enqueue(Reply reply) {
    replies.add(reply);
  }

  /** How many requests arrived. */
  public int requestCount() {
    return count.get();
  }

  /** The next request the server received, waiting up to 10 seconds; null if none came. */
  public Received takeRequest() throws InterruptedException {
    return received.poll(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
