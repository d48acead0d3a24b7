package dev.cassette.core.yaml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys one kind of go-vcr mapping may hold (the cassette, an interaction, a request, a response),
 * in file order, with the closest-match lookup that turns a typo into a suggestion.
 */
final class KeySet {
  static final KeySet CASSETTE = new KeySet("version", "interactions");
  static final KeySet INTERACTION = new KeySet("id", "request", "response");
  static final KeySet REQUEST = new KeySet("proto", "proto_major", "proto_minor", "content_length",
      "transfer_encoding", "trailer", "host", "remote_addr", "request_uri", "body", "form", "headers",
      "url", "method");
  static final KeySet RESPONSE = new KeySet("proto", "proto_major", "proto_minor", "transfer_encoding",
      "trailer", "content_length", "uncompressed", "body", "headers", "status", "code", "duration");

  private final List<String> names;
  private final Map<String, Integer> indexes = new HashMap<>();

  private KeySet(String... names) {
    this.names = List.of(names);
    for (int i = 0; i < names.length; i++) indexes.put(names[i], i);
  }

  int size() {
    return names.size();
  }

  /** The key's position, or -1 when it is not one of these keys. */
  int indexOf(String key) {
    Integer index = indexes.get(key);
    return index == null ? -1 : index;
  }

  String name(int index) {
    return names.get(index);
  }

  /** The valid keys, comma separated, for messages. */
  String list() {
    return String.join(", ", names);
  }

  /** The valid key nearest to a misspelt one, or null when none is close enough to be a likely typo. */
  String closest(String key) {
    String lower = key.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : names) {
      int distance = distance(lower, name);
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    if (best == null) return null;
    int allowed = Math.max(1, Math.min(3, best.length() / 3));
    return bestDistance <= allowed ? best : null;
  }

  /** Levenshtein distance, with an adjacent swap counted as one edit. */
  private static int distance(String a, String b) {
    if (a.length() > 64) return Integer.MAX_VALUE;
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
