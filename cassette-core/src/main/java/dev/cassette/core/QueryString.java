package dev.cassette.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Edits the {@code name=value} pairs of a URL's query or a url-encoded form body as text, so that
 * everything not edited keeps its exact spelling (order, escapes, empty values).
 */
final class QueryString {
  private QueryString() {}

  /** Decides the fate of one pair. */
  interface PairEdit {
    /**
     * @param name the decoded parameter name
     * @param rawPair the pair as written, e.g. {@code api%5Fkey=abc}
     * @return the pair to write instead, the same text to keep it, or null to drop it
     */
    String edit(String name, String rawPair);
  }

  /** Applies the edit to the query of a URL (between {@code ?} and {@code #}); a URL without one is returned as is. */
  static String editUrl(String url, PairEdit edit) {
    int question = url.indexOf('?');
    if (question < 0) return url;
    int hash = url.indexOf('#', question);
    int end = hash < 0 ? url.length() : hash;
    String original = url.substring(question + 1, end);
    String query = editQuery(original, edit);
    if (query.equals(original)) return url; // a bare or empty '?' stays as sent
    String prefix = url.substring(0, question);
    String fragment = url.substring(end);
    return query.isEmpty() ? prefix + fragment : prefix + "?" + query + fragment;
  }

  /** Applies the edit to a query string without its {@code ?}. */
  static String editQuery(String query, PairEdit edit) {
    if (query.isEmpty()) return query;
    StringBuilder out = new StringBuilder(query.length());
    boolean first = true;
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      String result = edit.edit(decode(rawName), pair);
      if (result == null) continue;
      if (!first) out.append('&');
      out.append(result);
      first = false;
    }
    return out.toString();
  }

  /** The raw name of a pair, as written. */
  static String rawName(String rawPair) {
    int equals = rawPair.indexOf('=');
    return equals < 0 ? rawPair : rawPair.substring(0, equals);
  }

  static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformedEscape) {
      return raw;
    }
  }
}
