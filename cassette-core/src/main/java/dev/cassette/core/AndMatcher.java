package dev.cassette.core;

import java.util.List;
import java.util.Objects;

/** Both matchers must agree; the key pairs both keys, since matching requests share each of them. */
final class AndMatcher implements KeyedByInput {
  private final Matcher first;
  private final Matcher second;

  AndMatcher(Matcher first, Matcher second) {
    this.first = Objects.requireNonNull(first, "first");
    this.second = Objects.requireNonNull(second, "second");
  }

  @Override
  public boolean matches(Request recorded, Request live) {
    return first.matches(recorded, live) && second.matches(recorded, live);
  }

  @Override
  public Object indexKey(Request request) {
    return pair(first.indexKey(request), second.indexKey(request));
  }

  @Override
  public Object indexKey(Request request, KeyMemo memo) {
    return pair(keyOf(first, request, memo), keyOf(second, request, memo));
  }

  private static Object keyOf(Matcher part, Request request, KeyMemo memo) {
    return part instanceof KeyedByInput keyed ? keyed.indexKey(request, memo) : part.indexKey(request);
  }

  private static Object pair(Object a, Object b) {
    if (a == null) return b;
    if (b == null) return a;
    return List.of(a, b);
  }

  @Override
  public String toString() {
    return first + " and " + second;
  }
}
