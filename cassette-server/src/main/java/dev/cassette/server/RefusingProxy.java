package dev.cassette.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A loopback HTTP proxy that forwards nothing: it reads a proxied request's head ({@code CONNECT host:443}
 * for HTTPS, {@code GET http://host/...} for plain HTTP), answers with a status line that explains the
 * refusal, and closes. Clients turn such an answer into an {@link IOException} at once; the target
 * host is never looked up or connected to, since a client that uses a proxy leaves both to the proxy.
 */
final class RefusingProxy implements AutoCloseable {
  /** A client that sends nothing must not hold a thread for long. */
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private final ServerSocket socket;
  private final Function<String, String> refusal;
  private final Thread acceptor;

  /**
   * @param refusal the explanation for a request to this host ({@code host:port}), a single line
   */
  RefusingProxy(Function<String, String> refusal) throws IOException {
    this.refusal = refusal;
    this.socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "cassette-network-guard");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Where clients are sent: a literal loopback address, so reaching it needs no lookup. */
  InetSocketAddress address() {
    return new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread answer = new Thread(() -> refuse(client), "cassette-network-guard-refusal");
        answer.setDaemon(true);
        answer.start();
      } catch (IOException e) {
        if (socket.isClosed()) return;
      }
    }
  }

  private void refuse(Socket client) {
    try (client) {
      client.setSoTimeout(READ_TIMEOUT_MILLIS);
      Head head = Head.read(client.getInputStream());
      String line = refusal.apply(target(head.requestLine())).replaceAll("[\\r\\n]+", " ");
      byte[] body = (line + "\n").getBytes(StandardCharsets.UTF_8);
      // java.net.http and OkHttp put a status line they cannot parse into their ProtocolException, which
      // is how the explanation reaches the test; they would hide a well-formed one behind "403".
      // HttpURLConnection quotes a well-formed status line instead, and fails on any other.
      String statusLine = head.fromUrlConnection() ? "HTTP/1.1 " + NetworkGuard.REFUSAL_STATUS + " " + line : line;
      String answer = statusLine + "\r\n"
          + "Content-Type: text/plain; charset=utf-8\r\n"
          + "Content-Length: " + body.length + "\r\n"
          + "Connection: close\r\n\r\n";
      OutputStream out = client.getOutputStream();
      out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
    } catch (IOException e) {
      // The client went away first: nothing to tell it.
    }
  }

  /** The request line and the one header that tells which client sent it. */
  private record Head(String requestLine, String userAgent) {
    /** HttpURLConnection's own User-Agent is {@code Java/<version>}. */
    boolean fromUrlConnection() {
      return userAgent != null && userAgent.startsWith("Java/");
    }

    /** Reads up to the blank line that ends the head. */
    static Head read(InputStream in) throws IOException {
      List<String> lines = new ArrayList<>();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b; (b = in.read()) != -1; ) {
        if (b == '\n') {
          if (line.size() == 0) break;
          lines.add(line.toString(StandardCharsets.ISO_8859_1));
          line.reset();
        } else if (b != '\r' && line.size() < 8192) {
          line.write(b);
        }
      }
      String userAgent = null;
      for (String header : lines) {
        if (header.regionMatches(true, 0, "User-Agent:", 0, 11)) userAgent = header.substring(11).strip();
      }
      return new Head(lines.isEmpty() ? "" : lines.get(0), userAgent);
    }
  }

  /** {@code host:port} from {@code CONNECT host:port HTTP/1.1} or {@code GET http://host:port/p HTTP/1.1}. */
  static String target(String requestLine) {
    String[] parts = requestLine.split(" ");
    if (parts.length < 2) return "an unknown host";
    String target = parts[1];
    if (parts[0].equalsIgnoreCase("CONNECT")) return target;
    int scheme = target.indexOf("://");
    if (scheme < 0) return target;
    String rest = target.substring(scheme + 3);
    int end = rest.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int at = rest.indexOf(c);
      if (at >= 0 && at < end) end = at;
    }
    String authority = rest.substring(0, end);
    int userInfo = authority.lastIndexOf('@');
    return userInfo >= 0 ? authority.substring(userInfo + 1) : authority;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
