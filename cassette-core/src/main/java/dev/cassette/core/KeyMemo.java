package dev.cassette.core;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The index keys of one cassette's recorded requests, by the exact inputs each key was computed from
 * (a body's bytes, a URL's text): a live request that sends a recorded body byte for byte, the usual
 * case in a replay, gets its key from here instead of parsing and canonicalizing its JSON again.
 *
 * <p>The inputs are compared with {@code equals} (byte for byte), never by hash alone, so a hit gives
 * exactly the key the costly form would give, and matching is unchanged. It holds only what the index
 * was built from: live requests look it up and never add to it, so a run of new requests cannot grow
 * it. Filled while the index is built, then only read, under the {@link Recorder}'s guarantees.
 */
final class KeyMemo {
  private final Map<Input, Object> keys = new HashMap<>();
  private boolean sealed;

  /** One form's input: the part of a matcher it belongs to, and what that part reads. */
  private record Input(Object part, Object value) {}

  /** The key for this input of this matcher part: memoized while filling, looked up once sealed. */
  Object key(Object part, Object input, Supplier<Object> compute) {
    Input in = new Input(part, input);
    Object known = keys.get(in);
    if (known != null) return known;
    Object key = compute.get();
    if (!sealed) keys.put(in, key);
    return key;
  }

  /** From now on, keys are only looked up: what live requests send is not kept. */
  void seal() {
    sealed = true;
  }
}
