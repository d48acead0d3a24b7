package dev.cassette.core;

import java.io.IOException;

/**
 * A request that no recorded interaction answers, in a mode that may not use the network. An
 * {@link IOException} so that HTTP clients report it where they report network failures.
 */
public final class NoMatchingInteractionException extends IOException {
  private static final long serialVersionUID = 1L;

  public NoMatchingInteractionException(String message) {
    super(message);
  }
}
