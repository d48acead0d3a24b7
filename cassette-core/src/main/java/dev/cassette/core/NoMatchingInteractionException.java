package dev.cassette.core;

import java.io.IOException;
import java.util.Objects;

/**
 * A request that no recorded interaction answers, in a mode that may not use the network. An
 * {@link IOException} so that HTTP clients report it where they report network failures.
 *
 * <p>The message is a {@linkplain #report() report} (the request, the cassette, the nearest recordings
 * and what differs in each) followed by {@linkplain #advice() advice}. They are kept apart because only
 * the caller knows the exact command that fixes the case (a test framework knows the test), and a
 * message that gives two kinds of advice gets the wrong one followed: such a caller throws a new
 * exception with the same report and its own advice.
 */
public final class NoMatchingInteractionException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String report;
  private final String advice;

  /** A message that is not split into report and advice: {@link #advice()} is empty. */
  public NoMatchingInteractionException(String message) {
    this(message, "");
  }

  /**
   * @param report what was asked and what the cassette holds
   * @param advice what fixes it; empty for none
   */
  public NoMatchingInteractionException(String report, String advice) {
    super(advice.isEmpty() ? report : report + "\n" + advice);
    this.report = Objects.requireNonNull(report, "report");
    this.advice = advice;
  }

  /** The request, the cassette and the nearest recordings, without advice. */
  public String report() {
    return report;
  }

  /** What fixes the case, or an empty string. */
  public String advice() {
    return advice;
  }
}
