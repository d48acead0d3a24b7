package dev.cassette.core;

/** Keeps secrets out of cassette files: header allowlist by default, placeholders for query and JSON fields. */
public final class Redaction {
  private Redaction() {}

  /** The default: keep only Accept, Content-Type and User-Agent headers. */
  public static Redaction defaults() {
    throw new UnsupportedOperationException("TODO");
  }
}
