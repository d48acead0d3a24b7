package dev.cassette.core;

import java.lang.System.Logger.Level;
import java.time.Duration;

/** How fast a replayed response arrives. */
public enum Pacing {
  /** At once: tests stay fast. The default. */
  INSTANT,
  /**
   * After the recorded {@code duration} (time to headers), as go-vcr replays by default, but never
   * longer than {@link #LONGEST_DELAY}.
   */
  RECORDED;

  /**
   * The longest a paced replay waits. A real time to headers is seconds; a {@code duration} of hours (a
   * hand-edited or hostile file holds {@code 2562047h}, Go's largest) would block the test until its
   * call times out, so it is capped here, with a warning that names the recorded figure.
   */
  public static final Duration LONGEST_DELAY = Duration.ofMinutes(5);

  private static final System.Logger LOG = System.getLogger(Pacing.class.getName());

  /**
   * How long a client adapter waits before delivering a response recorded with this duration: zero when
   * {@link #INSTANT} or when the duration is not positive, else the duration capped at
   * {@link #LONGEST_DELAY}. A capped duration is logged as a warning, since the replay then runs faster
   * than the recording did.
   */
  public Duration delayOf(GoDuration recorded) {
    if (this == INSTANT || recorded.toNanos() <= 0) return Duration.ZERO;
    if (recorded.toNanos() > LONGEST_DELAY.toNanos()) {
      LOG.log(Level.WARNING, "cassette: a response's recorded duration " + recorded + " is longer than "
          + GoDuration.of(LONGEST_DELAY) + "; Pacing.RECORDED waits " + GoDuration.of(LONGEST_DELAY)
          + " instead (check the cassette's 'duration' fields)");
      return LONGEST_DELAY;
    }
    return Duration.ofNanos(recorded.toNanos());
  }
}
