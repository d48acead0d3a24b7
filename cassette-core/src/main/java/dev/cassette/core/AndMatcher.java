package dev.cassette.core;

import java.util.List;
import java.util.Objects;

/** Both matchers must agree; the key pairs both keys, since matching requests share each of them. */
final class AndMatcher implements Matcher {
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
    Object a = first.indexKey(request);
    Object b = second.indexKey(request);
    if (a == null) return b;
    if (b == null) return a;
    return List.of(a, b);
  }

  @Override
  public String toString() {
    return first + " and " + second;
  }
}
