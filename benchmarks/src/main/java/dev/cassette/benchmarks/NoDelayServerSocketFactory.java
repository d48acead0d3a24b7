package dev.cassette.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * mockwebserver3 leaves Nagle's algorithm on for the sockets it accepts; with Linux's delayed ACK each
 * keep-alive request then stalls about 40 ms (OkHttp issue #4784), which would measure the kernel
 * rather than the server. Jetty, under WireMock, and the JDK's server, under cassette-server, already
 * set TCP_NODELAY.
 */
final class NoDelayServerSocketFactory extends ServerSocketFactory {
  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new ServerSocket() {
      @Override
      public Socket accept() throws IOException {
        Socket socket = super.accept();
        socket.setTcpNoDelay(true);
        return socket;
      }
    };
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
    throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
  }
}
