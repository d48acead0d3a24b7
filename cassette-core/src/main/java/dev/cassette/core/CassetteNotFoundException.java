package dev.cassette.core;

import java.nio.file.Path;

/** A cassette file that replay needs and that does not exist. */
public final class CassetteNotFoundException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  public CassetteNotFoundException(Path path, String message) {
    super(message);
    this.path = path;
  }

  /** The file that was expected. */
  public Path path() {
    return path;
  }
}
