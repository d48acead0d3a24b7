package dev.cassette.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The service a {@link CassetteServer} stands in for, as an absolute {@code http} or {@code https} URL
 * with an optional path prefix ({@code https://api.openai.com/v1}): the base URL the client would use
 * without the server.
 */
final class Upstream {
  private final String base;
  private final URI uri;

  private Upstream(String base, URI uri) {
    this.base = base;
    this.uri = uri;
  }

  /**
   * Parses the upstream's URL.
   *
   * @throws IllegalArgumentException naming the URL and what to write instead
   */
  static Upstream parse(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("upstream '" + url + "' is not a URL: " + e.getMessage()
          + "; give the service's base URL, e.g. https://api.anthropic.com", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("upstream '" + url + "' is not an absolute http or https URL;"
          + " give the service's base URL, e.g. https://api.anthropic.com");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("upstream '" + url + "' has a query, fragment or user info;"
          + " give only scheme, host, port and an optional path prefix, e.g. https://api.openai.com/v1");
    }
    String text = uri.toString();
    while (text.endsWith("/")) text = text.substring(0, text.length() - 1);
    return new Upstream(text, URI.create(text));
  }

  /** The upstream URL that a request for {@code rawPath?rawQuery} on the server stands for. */
  URI resolve(String rawPath, String rawQuery) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    return URI.create(base + path + (rawQuery != null ? "?" + rawQuery : ""));
  }

  boolean isHttps() {
    return uri.getScheme().equalsIgnoreCase("https");
  }

  URI uri() {
    return uri;
  }

  @Override
  public String toString() {
    return base;
  }
}
