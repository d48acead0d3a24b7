package dev.cassette.junit5;

import dev.cassette.server.NetworkGuard;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One replay-only test's hold on cassette-server's {@link NetworkGuard}: while it is held, a request from
 * a client the test did not wire to the cassette fails at once instead of reaching the network. The
 * only class of this module that names the guard, loaded only for a replay-only test, and only when
 * cassette-server is on the class path (the extension checks by name first).
 *
 * <p>Kept in the test's {@link ExtensionContext.Store}, which closes it even when the extension's own
 * {@code afterEach} does not run, so the JVM's proxy selector is always restored.
 */
@SuppressWarnings("deprecation") // CloseableResource: its replacement, AutoCloseable, is honoured from JUnit 5.13 only
final class ReplayGuard implements ExtensionContext.Store.CloseableResource {
  private final NetworkGuard.Lease lease;
  /** The extension instance that installed it: a configured instance closer to the test replaces it. */
  private final Object owner;

  private ReplayGuard(NetworkGuard.Lease lease, Object owner) {
    this.lease = lease;
    this.owner = owner;
  }

  static ReplayGuard install(TestCassette.Network network, Object owner) {
    NetworkGuard.Lease lease = NetworkGuard.builder()
        .allowLoopback(!network.refuseLoopback())
        .allowHosts(network.ignoreHosts().toArray(String[]::new))
        .install();
    return new ReplayGuard(lease, owner);
  }

  Object owner() {
    return owner;
  }

  /** The requests refused while it was held, as {@code URL (thread name)}; without queries, which may hold keys. */
  List<String> blocked() {
    return lease.blocked().stream().map(NetworkGuard.BlockedRequest::toString).toList();
  }

  /** Restores the JVM's proxy selector once no other test holds the guard. Idempotent. */
  @Override
  public void close() {
    lease.close();
  }
}
