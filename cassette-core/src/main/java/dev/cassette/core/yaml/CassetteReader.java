package dev.cassette.core.yaml;

import dev.cassette.core.Cassette;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Reads go-vcr v2 cassettes on snakeyaml-engine. */
public final class CassetteReader {
  public Cassette read(Path file) throws IOException {
    throw new UnsupportedOperationException("TODO");
  }

  public Cassette read(InputStream in, String source) throws IOException {
    throw new UnsupportedOperationException("TODO");
  }

  public Cassette read(String yaml, String source) {
    throw new UnsupportedOperationException("TODO");
  }
}
