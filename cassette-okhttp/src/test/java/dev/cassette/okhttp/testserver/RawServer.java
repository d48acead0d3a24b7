package dev.cassette.okhttp.testserver;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback server that answers each connection with a script over the raw socket: for what
 * mockwebserver cannot express, such as pausing mid-stream until the test says so, or failing mid-body.
 * Also counts connections, to prove that a replay opened none.
 */
public final class RawServer implements Closeable {
  /** Writes one response on a connection whose request head has been read. */
  @FunctionalInterface
  public interface Script {
    void respond(OutputStream out) throws Exception;
  }

  private final ServerSocket socket;
  private final Thread acceptor;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicReference<Throwable> scriptFailure = new AtomicReference<>();

  /** Serves every connection with {@code script}; a null script closes each connection at once. */
  public RawServer(Script script) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    acceptor = new Thread(() -> acceptLoop(script), "RawServer-" + socket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptLoop(Script script) {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        connections.incrementAndGet();
        if (script == null) continue;
        BufferedReader in = new BufferedReader(
            new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          // The request head is read and ignored; scripts answer GETs.
        }
        OutputStream out = connection.getOutputStream();
        script.respond(out);
        out.flush();
      } catch (IOException e) {
        if (!socket.isClosed()) scriptFailure.compareAndSet(null, e);
      } catch (Exception | AssertionError e) {
        scriptFailure.compareAndSet(null, e);
      }
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  /** How many connections were accepted so far. */
  public int connections() {
    return connections.get();
  }

  /** The first failure a script threw, or null. */
  public Throwable scriptFailure() {
    return scriptFailure.get();
  }

  /** Writes text as UTF-8 bytes and flushes, so the client sees it now. */
  public static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Writes one HTTP/1.1 chunk holding {@code text} and flushes. */
  public static void sendChunk(OutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    send(out, Integer.toHexString(bytes.length) + "\r\n" + text + "\r\n");
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
