package dev.cassette.core;

/** Ready matcher parts. */
public final class Matchers {
  private Matchers() {}

  /** The default: method, full URL and body (CRLF-normalised, JSON-aware). */
  public static Matcher methodUrlBody() {
    throw new UnsupportedOperationException("TODO");
  }
}
