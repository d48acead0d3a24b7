package dev.cassette.server;

import com.sun.net.httpserver.HttpServer;
import dev.cassette.core.Recorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that stands in for one upstream service, so that any client, in any language,
 * records and replays through a {@link Recorder} by pointing its base URL at {@link #baseUri()}:
 *
 * <pre>{@code
 * try (Recorder recorder = Recorder.builder(path).build();
 *      CassetteServer server = CassetteServer.start(recorder, "https://api.anthropic.com")) {
 *   URI base = server.baseUri();   // http://127.0.0.1:<free port>: the client's base URL
 * }
 * }</pre>
 *
 * <p>A request {@code METHOD /p?q} to the server stands for {@code METHOD <upstream>/p?q}: that is what
 * is matched, recorded and forwarded, so a cassette recorded through the server is the file
 * cassette-okhttp's interceptor records for the same calls, and replays through either. What the
 * recorder decides, the server does: replays (a streamed body one SSE event or AWS event stream message
 * per flush), forwards and records (streaming the upstream's body to the client as it arrives), or
 * answers 404, a status that SDKs do not retry, with the recorder's no-match report as the body (as
 * JSON in the shape SDKs read their error message from, for a client that sends or accepts JSON).
 *
 * <p>Why the JDK's own server ({@code com.sun.net.httpserver}, module {@code jdk.httpserver}): it flushes
 * each chunk of a chunked response when asked, handles {@code Expect: 100-continue} and chunked request
 * bodies, serves each exchange on a thread of its own, and costs the user no dependency, so it cannot
 * clash with the Jetty or Netty version a test class path already holds (WireMock brings its own
 * Jetty). Upstream calls use {@code java.net.http} for the same reason.
 *
 * <p>Several upstreams in one test (OpenAI and Anthropic): start one server for each, on the same
 * recorder, so that one cassette holds the calls to both. Closing a server does not stop its recorder:
 * close the server first (try-with-resources does, declared after the recorder), then the recorder
 * saves.
 *
 * <p>Thread-safe; serves concurrent clients each on its own thread.
 */
public final class CassetteServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CassetteServer.class.getName());
  private static final AtomicInteger SERVERS = new AtomicInteger();

  /** The JDK server's switch for TCP_NODELAY on the connections it accepts. */
  static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

  static {
    // The JDK server leaves Nagle's algorithm on unless this JVM-wide property says otherwise, and reads
    // it once, when the JVM's first such server starts. With Nagle on, a small write that follows an
    // unacknowledged one (the body after the head, each replayed SSE event) waits for the client's
    // delayed ACK: about 40 ms per response on Linux. Set here unless the user has set it.
    if (System.getProperty(NO_DELAY_PROPERTY) == null) System.setProperty(NO_DELAY_PROPERTY, "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final InFlight inFlight;
  private final Upstream upstream;
  private final URI baseUri;
  private final Duration closeGrace;
  private boolean closed;

  private CassetteServer(Builder b) throws IOException {
    this.upstream = b.upstream;
    this.closeGrace = b.closeGrace;
    this.inFlight = new InFlight();
    HttpClient client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        // Plain-HTTP upstreams get HTTP/1.1 directly: java.net.http would otherwise try an h2c upgrade,
        // which many local servers mishandle.
        .version(upstream.isHttps() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(30))
        .build();
    int id = SERVERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = runnable -> {
      Thread thread = new Thread(runnable, "cassette-server-" + id + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    this.executor = Executors.newCachedThreadPool(factory);
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(b.host), b.port);
    this.server = HttpServer.create(address, 128);
    server.createContext("/", new ExchangeHandler(b.recorder, upstream, new Forwarding(client, b.recorder), inFlight));
    server.setExecutor(executor);
    server.start();
    this.baseUri = baseUri(server.getAddress());
  }

  /**
   * Starts a server for {@code upstream} on 127.0.0.1 and a free port.
   *
   * @param upstream the service's base URL, as the client would use it without the server, e.g.
   *     {@code https://api.anthropic.com} or {@code https://api.openai.com/v1}
   * @throws IllegalArgumentException when {@code upstream} is not an absolute http or https URL
   * @throws UncheckedIOException when the server cannot bind
   */
  public static CassetteServer start(Recorder recorder, String upstream) {
    return builder(recorder, upstream).start();
  }

  /** A builder for a server standing in for {@code upstream}, to choose the host or port. */
  public static Builder builder(Recorder recorder, String upstream) {
    return new Builder(recorder, upstream);
  }

  /**
   * The URL to give the client as its base URL: {@code http://127.0.0.1:<port>}, without a trailing
   * slash. A client path appended to it reaches the upstream appended to the upstream's URL.
   */
  public URI baseUri() {
    return baseUri;
  }

  /** The upstream's base URL, without a trailing slash. */
  public URI upstream() {
    return upstream.uri();
  }

  /**
   * Stops the server: requests in flight are served to their end first (and recorded), for at most the
   * builder's {@linkplain Builder#closeGrace grace period}. Idempotent. Does not stop the recorder.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    try {
      if (!inFlight.awaitIdle(closeGrace.toNanos(), TimeUnit.NANOSECONDS)) {
        LOG.log(Level.WARNING, "cassette-server " + baseUri + ": requests still in flight after "
            + closeGrace.toSeconds() + " s; stopping anyway, they are not recorded");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "CassetteServer(" + baseUri + " -> " + upstream + ")";
  }

  private static URI baseUri(InetSocketAddress bound) {
    InetAddress address = bound.getAddress();
    // A server on every interface is still reached through loopback by a client on this machine.
    String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
    try {
      return new URI("http", null, host, bound.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot form the base URL for " + bound, e);
    }
  }

  /** Configures a {@link CassetteServer}. Defaults: host 127.0.0.1, a free port, 30 s grace at close. */
  public static final class Builder {
    private final Recorder recorder;
    private final Upstream upstream;
    private String host = "127.0.0.1";
    private int port;
    private Duration closeGrace = Duration.ofSeconds(30);

    private Builder(Recorder recorder, String upstream) {
      this.recorder = Objects.requireNonNull(recorder, "recorder");
      this.upstream = Upstream.parse(Objects.requireNonNull(upstream, "upstream"));
    }

    /**
     * The address to listen on; 127.0.0.1 by default, so nothing off this machine reaches the server.
     * {@code 0.0.0.0} serves every interface (a client in a container, say).
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port; 0 (the default) picks a free one, which {@link #baseUri()} then names. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is not in 0..65535");
      this.port = port;
      return this;
    }

    /** How long {@link CassetteServer#close()} lets requests in flight finish; 30 seconds by default. */
    public Builder closeGrace(Duration closeGrace) {
      if (closeGrace.isNegative()) throw new IllegalArgumentException("closeGrace is negative: " + closeGrace);
      this.closeGrace = closeGrace;
      return this;
    }

    /**
     * Starts the server.
     *
     * @throws UncheckedIOException when it cannot bind, e.g. the port is taken
     */
    public CassetteServer start() {
      try {
        return new CassetteServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cassette-server cannot listen on " + host + ":" + port + ": " + e.getMessage()
            + (port != 0 ? "; choose another port, or 0 for a free one" : ""), e);
      }
    }
  }
}
