package dev.cassette.core;

import java.time.Duration;

/**
 * A Go {@code time.Duration}: a signed count of nanoseconds, parsed and printed exactly as Go's
 * {@code time.ParseDuration} and {@code Duration.String()} do ({@code 0s}, {@code 83.984896ms},
 * {@code 1m2.5s}, {@code 350µs}, {@code -12ns}).
 */
public final class GoDuration implements Comparable<GoDuration> {
  public static final GoDuration ZERO = new GoDuration(0);

  private final long nanos;

  private GoDuration(long nanos) {
    this.nanos = nanos;
  }

  public static GoDuration ofNanos(long nanos) {
    return nanos == 0 ? ZERO : new GoDuration(nanos);
  }

  /** @throws ArithmeticException when the duration does not fit Go's int64 nanoseconds */
  public static GoDuration of(Duration duration) {
    return ofNanos(duration.toNanos());
  }

  /**
   * Parses Go duration text: an optional sign, then one or more decimal numbers with a unit
   * ({@code ns}, {@code us}, {@code µs}, {@code μs}, {@code ms}, {@code s}, {@code m}, {@code h}); or
   * {@code 0}.
   *
   * @throws IllegalArgumentException naming the text and what is wrong
   */
  public static GoDuration parse(String text) {
    throw new UnsupportedOperationException("TODO");
  }

  public long toNanos() {
    return nanos;
  }

  public Duration toDuration() {
    return Duration.ofNanos(nanos);
  }

  /** Go's {@code Duration.String()}. */
  @Override
  public String toString() {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public int compareTo(GoDuration other) {
    return Long.compare(nanos, other.nanos);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoDuration d && d.nanos == nanos;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(nanos);
  }
}
