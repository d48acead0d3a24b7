package dev.cassette.core;

/** Decides whether a recorded request answers a live one. Combine parts from {@link Matchers} with {@link #and}. */
@FunctionalInterface
public interface Matcher {
  boolean matches(Request recorded, Request live);

  default Matcher and(Matcher other) {
    return (recorded, live) -> matches(recorded, live) && other.matches(recorded, live);
  }
}
