package dev.cassette.core;

/**
 * A {@link Recorder} hook ({@link Recorder.Builder#beforeSave beforeSave} or
 * {@link Recorder.Builder#beforeReplay beforeReplay}) threw or returned null. The message names the
 * hook and the request it was given; the hook's own exception is the cause.
 *
 * <p>Unchecked and of its own type, so that an HTTP client adapter lets it fail the call instead of
 * taking it for one of its own conditions: a broken hook must not quietly write or replay the wrong
 * thing.
 */
public final class HookFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  HookFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
