package dev.cassette.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a replay hermetic: while installed, an HTTP request from a client that was not wired to a
 * cassette fails at once with an {@link IOException} that names cassette, the host and how to wire the
 * client, instead of reaching the network unnoticed. No DNS lookup and no connection to the target
 * happens.
 *
 * <pre>{@code
 * try (NetworkGuard.Lease guard = NetworkGuard.install()) {
 *   // HttpClient.newHttpClient(), new URL(...).openConnection(), new OkHttpClient() built here
 *   // reach only loopback; anything else is refused
 *   ...
 *   assertEquals(List.of(), guard.blocked());   // or report what was refused
 * }
 * }</pre>
 *
 * <p><b>How.</b> It installs a default {@link ProxySelector} that sends requests for other hosts to a
 * refusing proxy on loopback. A client that uses a proxy leaves the lookup and the connection to it, so
 * neither happens. The proxy answers with the explanation as the status line, which java.net.http and
 * OkHttp quote in the {@code ProtocolException} they throw, for {@code https} and {@code http} alike;
 * {@code HttpURLConnection} gets a well-formed {@value #REFUSAL_STATUS} whose reason phrase is the
 * explanation, which it quotes for {@code https} ("Unable to tunnel through proxy") and turns into
 * "Server returned HTTP response code: 403 for URL" for {@code http}. {@link Lease#blocked()} lists every
 * refused request, so a test framework can fail the test with the full explanation even when the code
 * under test swallowed the exception.
 *
 * <p><b>Covers</b> clients that consult the default {@code ProxySelector}: {@code java.net.http.HttpClient}
 * and {@code OkHttpClient} built while a guard is installed (both read the default when built, so one
 * built earlier, a static one say, escapes; one built during a guard keeps obeying every later guard and
 * is unaffected between them), and {@code HttpURLConnection} and what is built on it; these three are
 * tested. Apache HttpClient 5 built with {@code useSystemProperties()} or a
 * {@code SystemDefaultRoutePlanner} asks the default selector too (not tested here). <b>Cannot cover</b>
 * clients that ignore the default {@code ProxySelector}: Netty-based ones (Reactor Netty, the AWS SDK's
 * async Netty client, Vert.x), Apache HttpClient with its default route planner, and any client given an
 * explicit proxy or {@code Proxy.NO_PROXY}. Wire those to a {@link CassetteServer} by base URL.
 *
 * <p><b>Lifetime.</b> Installs are counted: the first install stashes the JVM's default
 * {@code ProxySelector} and the last {@link Lease#close()} restores it (unless someone else has replaced
 * it meanwhile, whose choice is then left alone), so tests running in parallel may each hold a lease.
 * While several leases are held, a host is let through when any of them allows it.
 *
 * <p>By default loopback ({@code localhost}, {@code *.localhost}, {@code 127.0.0.0/8}, {@code ::1}) stays
 * reachable, since tests talk to local services; a {@link CassetteServer} is one of them.
 */
public final class NetworkGuard {
  /** The status the refusing proxy answers {@code HttpURLConnection} with: a 4xx that clients do not retry. */
  public static final int REFUSAL_STATUS = 403;

  private static final Object LOCK = new Object();
  /** The leases now held, in install order; guarded by {@link #LOCK}. */
  private static final Set<Lease> LEASES = new LinkedHashSet<>();
  /** Guarded by {@link #LOCK}; set while any lease is held. */
  private static RefusingProxy proxy;
  private static GuardedSelector installed;
  private static ProxySelector stashed;

  private NetworkGuard() {}

  /** Installs a guard that lets only loopback through. */
  public static Lease install() {
    return builder().install();
  }

  /** A builder to let more hosts through, or to refuse loopback too. */
  public static Builder builder() {
    return new Builder();
  }

  /** True while any lease is held. */
  public static boolean isInstalled() {
    synchronized (LOCK) {
      return !LEASES.isEmpty();
    }
  }

  /** The explanation a refused request carries, in the status line and the body. */
  static String refusal(String target) {
    // allowHosts takes names without a port, so the advice must not carry one
    String host = target.replaceFirst(":\\d+$", "");
    return "cassette: refused a request to " + target + " from an HTTP client not wired to the cassette;"
        + " a replay must not reach the network. Wire the client: with OkHttp, add new"
        + " CassetteInterceptor(recorder) (or use the OkHttpClient that @UseCassette injects); with any other"
        + " client, set its base URL to a CassetteServer's baseUri(). Or let " + host
        + " through: @UseCassette(ignoreHosts = \"" + host + "\") or NetworkGuard.builder().allowHosts(\"" + host + "\")";
  }

  /** A request the guard refused. */
  public static final class BlockedRequest {
    private final URI uri;
    private final String thread;

    private BlockedRequest(URI uri, String thread) {
      this.uri = uri;
      this.thread = thread;
    }

    /** The request's URL without query or user info: logs and messages must not carry secrets. */
    public URI uri() {
      return uri;
    }

    /** The thread that made the request. */
    public String thread() {
      return thread;
    }

    @Override
    public String toString() {
      return uri + " (thread " + thread + ")";
    }
  }

  /** One install; {@link #close()} ends it. */
  public static final class Lease implements AutoCloseable {
    private final boolean allowLoopback;
    private final Set<String> allowedHosts;
    private final List<BlockedRequest> blocked = new ArrayList<>();
    private boolean closed;

    private Lease(Builder b) {
      this.allowLoopback = b.allowLoopback;
      this.allowedHosts = Set.copyOf(b.allowedHosts);
    }

    /**
     * The requests refused while this lease was held, oldest first. With leases held in parallel, a
     * request is listed in each, since nothing tells which test's code made it.
     */
    public List<BlockedRequest> blocked() {
      synchronized (LOCK) {
        return List.copyOf(blocked);
      }
    }

    /**
     * What a test framework reports when {@link #blocked()} is not empty, so the test fails with the
     * explanation even when the code under test caught the client's exception: each refused request, and
     * how to wire its client. Empty when nothing was refused.
     */
    public Optional<String> report() {
      List<BlockedRequest> refused = blocked();
      if (refused.isEmpty()) return Optional.empty();
      StringBuilder text = new StringBuilder("cassette: ").append(refused.size())
          .append(refused.size() == 1 ? " request" : " requests")
          .append(" from HTTP clients not wired to the cassette reached for the network during a replay and")
          .append(" were refused:");
      for (BlockedRequest request : refused) text.append("\n  ").append(request);
      String host = refused.get(0).uri().getHost();
      text.append("\nWire each client to the cassette: with OkHttp, add new CassetteInterceptor(recorder) (or use")
          .append(" the OkHttpClient that @UseCassette injects); with any other client, set its base URL to a")
          .append(" CassetteServer's baseUri(). Or let a host through: NetworkGuard.builder().allowHosts(\"")
          .append(host).append("\").");
      return Optional.of(text.toString());
    }

    /** Ends this install; the last one to end restores the JVM's proxy selector. Idempotent. */
    @Override
    public void close() {
      synchronized (LOCK) {
        if (closed) return;
        closed = true;
        LEASES.remove(this);
        if (!LEASES.isEmpty()) return;
        if (ProxySelector.getDefault() == installed) ProxySelector.setDefault(stashed);
        proxy.close();
        proxy = null;
        installed = null;
        stashed = null;
      }
    }

    private boolean allows(String host) {
      String name = host.toLowerCase(Locale.ROOT);
      if (allowLoopback && isLoopback(name)) return true;
      for (String allowed : allowedHosts) {
        if (allowed.startsWith("*.") ? name.endsWith(allowed.substring(1)) : name.equals(allowed)) return true;
      }
      return false;
    }
  }

  /** Configures a guard. Default: loopback reachable, every other host refused. */
  public static final class Builder {
    private boolean allowLoopback = true;
    private final Set<String> allowedHosts = new LinkedHashSet<>();

    private Builder() {}

    /** Whether loopback stays reachable; true by default. */
    public Builder allowLoopback(boolean allowLoopback) {
      this.allowLoopback = allowLoopback;
      return this;
    }

    /** Lets these hosts through: exact names ({@code api.example.com}) or {@code *.example.com}. */
    public Builder allowHosts(String... hosts) {
      for (String host : hosts) allowedHosts.add(Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Installs the guard: from now until the lease is closed, requests to hosts it does not allow are
     * refused.
     *
     * @throws UncheckedIOException when the refusing proxy cannot listen on loopback
     */
    public Lease install() {
      Lease lease = new Lease(this);
      synchronized (LOCK) {
        if (LEASES.isEmpty()) {
          try {
            proxy = new RefusingProxy(NetworkGuard::refusal);
          } catch (IOException e) {
            throw new UncheckedIOException("cassette: cannot start the network guard's proxy on loopback: " + e, e);
          }
          stashed = ProxySelector.getDefault();
          installed = new GuardedSelector(stashed);
          ProxySelector.setDefault(installed);
        }
        LEASES.add(lease);
      }
      return lease;
    }
  }

  /** Without any DNS lookup: names and literals that are loopback by definition. */
  static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    h = h.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) return true;
    if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) return true;
    return h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  /**
   * The selector installed as the JVM's default. Clients keep the selector they were built with, so it
   * consults the leases held now rather than the ones held when it was installed: between guards it
   * simply delegates.
   */
  private static final class GuardedSelector extends ProxySelector {
    private final ProxySelector delegate;

    GuardedSelector(ProxySelector delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<Proxy> select(URI uri) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = scheme.equals("http") || scheme.equals("https") || scheme.equals("ws") || scheme.equals("wss");
      String host = uri.getHost();
      if (web && host != null) {
        synchronized (LOCK) {
          if (!LEASES.isEmpty() && LEASES.stream().noneMatch(lease -> lease.allows(host))) {
            BlockedRequest request = new BlockedRequest(bare(uri), Thread.currentThread().getName());
            LEASES.forEach(lease -> lease.blocked.add(request));
            return List.of(new Proxy(Proxy.Type.HTTP, proxy.address()));
          }
        }
      }
      return delegate != null ? delegate.select(uri) : List.of(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
      if (delegate != null) delegate.connectFailed(uri, address, failure);
    }

    private static URI bare(URI uri) {
      try {
        return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
      } catch (java.net.URISyntaxException e) {
        return URI.create(uri.getScheme() + "://" + uri.getHost());
      }
    }
  }
}
