package dev.cassette.core.contract;

import java.util.List;
import java.util.Map;

/**
 * A response as the caller saw it, whatever the client: the status, the headers (names in lower case),
 * the whole body and the protocol as cassette text ({@code HTTP/1.1}, {@code HTTP/2.0}).
 */
public record Answer(int code, Map<String, List<String>> headers, byte[] body, String proto) {
  /** The values of a header; empty when absent. */
  public List<String> header(String name) {
    return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
  }
}
