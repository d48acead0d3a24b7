package dev.cassette.server;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which headers a reverse proxy passes on (RFC 9110, section 7.6.1). Hop-by-hop headers describe one
 * connection, the client's to this server or this server's to the upstream, never both, so they stop
 * here; so does every header the {@code Connection} header names. {@code Host}, {@code Content-Length}
 * and {@code Expect} are the connection's business too: the HTTP client and server on each side set
 * them for the bytes they actually send.
 */
final class ProxyHeaders {
  private static final Set<String> NOT_FORWARDED = Set.of(
      "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te",
      "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "http2-settings");

  private final Set<String> connectionTokens;

  private ProxyHeaders(Set<String> connectionTokens) {
    this.connectionTokens = connectionTokens;
  }

  /** The rule for one message, whose {@code Connection} header may name more hop-by-hop headers. */
  static ProxyHeaders of(Map<String, List<String>> headers) {
    Set<String> tokens = new HashSet<>();
    headers.forEach((name, values) -> {
      if (!name.equalsIgnoreCase("connection")) return;
      for (String value : values) {
        for (String token : value.split(",")) {
          if (!token.isBlank()) tokens.add(token.strip().toLowerCase(Locale.ROOT));
        }
      }
    });
    return new ProxyHeaders(tokens);
  }

  /** True when this header goes on to the other side; pseudo-headers ({@code :status}) never do. */
  boolean forwards(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !lower.startsWith(":") && !NOT_FORWARDED.contains(lower) && !connectionTokens.contains(lower);
  }
}
