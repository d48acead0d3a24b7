package dev.cassette.core;

/**
 * A matcher whose index key is a function of inputs it can name, so that an {@link InteractionIndex}
 * can look the key up by those inputs ({@link KeyMemo}) instead of computing it for every live request.
 * Implemented by the parts of {@link Matchers} and their {@link Matcher#and} combinations; any other
 * matcher is asked for its key each time.
 */
interface KeyedByInput extends Matcher {
  /** The same key as {@link #indexKey(Request)}, memoized in {@code memo} where it is costly. */
  Object indexKey(Request request, KeyMemo memo);
}
