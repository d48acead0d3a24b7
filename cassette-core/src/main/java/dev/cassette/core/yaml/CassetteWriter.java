package dev.cassette.core.yaml;

import dev.cassette.core.Cassette;

/** Writes go-vcr v2 cassettes byte-for-byte as Go's YAML library does. */
public final class CassetteWriter {
  private CassetteWriter() {}

  public static String write(Cassette cassette) {
    throw new UnsupportedOperationException("TODO");
  }
}
