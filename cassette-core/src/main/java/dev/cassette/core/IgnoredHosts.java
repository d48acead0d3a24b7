package dev.cassette.core;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The hosts a {@link Recorder} leaves alone ({@link Recorder.Builder#ignoreHosts}): a request to one of
 * them goes to the network in every mode and is never recorded. Names compare without case; a name
 * {@code *.example.com} covers every subdomain of example.com (not example.com itself). Ports do not
 * count: a test's own service on localhost is one host whatever port it picks.
 */
final class IgnoredHosts {
  static final IgnoredHosts NONE = new IgnoredHosts(Set.of());

  private final Set<String> hosts;

  private IgnoredHosts(Set<String> hosts) {
    this.hosts = hosts;
  }

  /**
   * @throws IllegalArgumentException for a blank name, or one with a scheme, path or port, which would
   *     never match and silently record what the user meant to leave alone
   */
  static IgnoredHosts of(List<String> names) {
    Set<String> hosts = new LinkedHashSet<>();
    for (String name : names) {
      String host = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
      if (host.isEmpty() || host.contains("/") || host.contains(":") && !host.startsWith("[")) {
        throw new IllegalArgumentException("ignoreHosts takes host names such as api.example.com,"
            + " *.example.com or localhost, not \"" + name + "\": leave out the scheme, port and path");
      }
      hosts.add(host);
    }
    return hosts.isEmpty() ? NONE : new IgnoredHosts(Set.copyOf(hosts));
  }

  boolean isEmpty() {
    return hosts.isEmpty();
  }

  /** The names as given (lower case), for the replay guard to let through. */
  Set<String> names() {
    return hosts;
  }

  /** True when the request's URL names an ignored host; a URL without a host is never ignored. */
  boolean covers(String url) {
    if (hosts.isEmpty()) return false;
    String host = hostOf(url);
    if (host == null) return false;
    for (String ignored : hosts) {
      if (ignored.startsWith("*.") ? host.endsWith(ignored.substring(1)) : host.equals(ignored)) return true;
    }
    return false;
  }

  private static String hostOf(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      // A URL java.net.URI rejects (a raw space, say) still has an authority between "//" and the path.
      int start = url.indexOf("//");
      if (start < 0) return null;
      String rest = url.substring(start + 2);
      int end = rest.length();
      for (char c : new char[] {'/', '?', '#'}) {
        int i = rest.indexOf(c);
        if (i >= 0 && i < end) end = i;
      }
      String authority = rest.substring(0, end);
      authority = authority.substring(authority.lastIndexOf('@') + 1);
      if (authority.startsWith("[")) {
        int close = authority.indexOf(']');
        return close < 0 ? null : authority.substring(0, close + 1).toLowerCase(Locale.ROOT);
      }
      int colon = authority.indexOf(':');
      return (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
    }
  }
}
