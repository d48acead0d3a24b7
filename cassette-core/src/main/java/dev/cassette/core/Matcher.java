package dev.cassette.core;

/**
 * Decides whether a recorded request answers a live one. Combine parts from {@link Matchers} with
 * {@link #and}.
 *
 * <p>A matcher may also offer an {@linkplain #indexKey index key} so that a {@link Recorder} finds the
 * candidates for a request in a hash lookup instead of comparing it with every recorded interaction:
 * replaying from a cassette of ten thousand interactions then costs what replaying from ten does. A
 * matcher without a key (any lambda) still works; the recorder then scans the cassette.
 */
@FunctionalInterface
public interface Matcher {
  /** True when the recorded request answers the live one; both as the {@link Redaction} leaves them. */
  boolean matches(Request recorded, Request live);

  /**
   * A value that every pair of matching requests shares, or null when this matcher offers no key.
   *
   * <p>The contract: whenever {@code matches(a, b)}, {@code indexKey(a).equals(indexKey(b))}. Unequal keys
   * prove that two requests do not match; equal keys prove nothing, as {@link #matches} is still asked.
   * A matcher returns null for every request or for none. The default is null.
   */
  default Object indexKey(Request request) {
    return null;
  }

  /** A matcher that needs both this one and {@code other}; it keeps the index keys of both. */
  default Matcher and(Matcher other) {
    return new AndMatcher(this, other);
  }
}
