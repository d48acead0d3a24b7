package dev.cassette.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the recorded interaction that answers a live request: the first unused match in file order, or
 * the first match when repeats are allowed.
 *
 * <p>When the matcher offers {@linkplain Matcher#indexKey index keys}, interactions are grouped by key
 * and a lookup only looks at its group, so its cost does not grow with the cassette; served
 * interactions leave their group, so a group of identical requests does not get slower as it is used
 * up. Without keys it scans in file order.
 *
 * <p>Matching sees each recorded request as the {@link Redaction} leaves it, as it sees the live one,
 * so that a cassette recorded before a secret was redacted still matches. Not thread-safe: the
 * {@link Recorder} guards it.
 */
final class InteractionIndex {
  private final List<Interaction> interactions;
  private final List<Request> views;
  private final Matcher matcher;
  private final boolean allowRepeats;
  /** Positions by key, ascending; null when the matcher has no keys. */
  private final Map<Object, Group> groups;
  private final BitSet used = new BitSet();
  /** Keys of the recorded requests by their exact inputs, so a byte-identical live request reuses one. */
  private final KeyMemo memo = new KeyMemo();

  InteractionIndex(List<Interaction> interactions, Matcher matcher, Redaction redaction, boolean allowRepeats) {
    this.interactions = List.copyOf(interactions);
    this.matcher = matcher;
    this.allowRepeats = allowRepeats;
    List<Request> views = new ArrayList<>(interactions.size());
    for (Interaction interaction : interactions) views.add(redaction.redact(interaction.request()));
    this.views = views;
    this.groups = group(views);
    memo.seal();
  }

  private Map<Object, Group> group(List<Request> views) {
    Map<Object, Group> groups = new HashMap<>();
    for (int i = 0; i < views.size(); i++) {
      Object key = key(views.get(i));
      if (key == null) return null;
      groups.computeIfAbsent(key, k -> new Group()).add(i);
    }
    return groups;
  }

  /**
   * The positions of one key, ascending. Served positions are removed; the first is by far the most
   * often served (identical requests, such as polling, are served in file order), so removing it only
   * moves the start and a cassette of n identical requests replays in O(n), not O(n^2).
   */
  private static final class Group {
    private int[] positions = new int[1];
    private int start;
    private int end;

    void add(int position) {
      if (end == positions.length) positions = Arrays.copyOf(positions, end * 2);
      positions[end++] = position;
    }

    int size() {
      return end - start;
    }

    int get(int k) {
      return positions[start + k];
    }

    void remove(int k) {
      if (k == 0) {
        start++;
      } else {
        System.arraycopy(positions, start + k + 1, positions, start + k, end - start - k - 1);
        end--;
      }
    }
  }

  /** The key a live request is looked up by; compute it outside any lock, it may parse the body. */
  Object keyOf(Request live) {
    return groups == null ? null : key(live);
  }

  private Object key(Request request) {
    return matcher instanceof KeyedByInput keyed ? keyed.indexKey(request, memo) : matcher.indexKey(request);
  }

  /**
   * The interaction that answers this live (already redacted) request, now marked used, or null.
   *
   * @param key {@link #keyOf(Request)} of the request
   */
  Interaction take(Request live, Object key) {
    if (groups == null || key == null) return scan(live);
    Group group = groups.get(key);
    if (group == null) return null;
    for (int k = 0; k < group.size(); k++) {
      int position = group.get(k);
      if (matcher.matches(views.get(position), live)) {
        if (!allowRepeats) group.remove(k);
        used.set(position);
        return interactions.get(position);
      }
    }
    return null;
  }

  private Interaction scan(Request live) {
    for (int i = 0; i < views.size(); i++) {
      if (!allowRepeats && used.get(i)) continue;
      if (matcher.matches(views.get(i), live)) {
        used.set(i);
        return interactions.get(i);
      }
    }
    return null;
  }

  int size() {
    return interactions.size();
  }

  Interaction interaction(int position) {
    return interactions.get(position);
  }

  /** The recorded request at this position as matching sees it, redacted. */
  Request view(int position) {
    return views.get(position);
  }

  boolean isUsed(int position) {
    return used.get(position);
  }

  /** Interactions never served, in file order. */
  List<Interaction> unused() {
    List<Interaction> out = new ArrayList<>();
    for (int i = used.nextClearBit(0); i < interactions.size(); i = used.nextClearBit(i + 1)) {
      out.add(interactions.get(i));
    }
    return out;
  }

  int unusedCount() {
    return interactions.size() - used.cardinality();
  }
}
