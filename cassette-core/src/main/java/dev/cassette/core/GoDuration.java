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
    // A port of Go's time.ParseDuration: unsigned accumulation up to 1<<63 so that the most negative
    // duration parses, and the fraction scaled through a double exactly as Go does.
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) return ZERO;
    if (s.isEmpty()) throw invalid(text, "it is empty");
    long total = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c == '.' || c >= '0' && c <= '9')) throw invalid(text, "expected a number at '" + s.substring(i) + "'");
      long whole = 0;
      int start = i;
      for (; i < s.length() && isDigit(s.charAt(i)); i++) {
        if (Long.compareUnsigned(whole, MAX_UNSIGNED_TENTH) > 0) throw invalid(text, "it overflows");
        whole = whole * 10 + (s.charAt(i) - '0');
        if (Long.compareUnsigned(whole, MAX_UNSIGNED) > 0) throw invalid(text, "it overflows");
      }
      boolean hasWhole = i > start;
      long fraction = 0;
      double scale = 1;
      boolean hasFraction = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fractionStart = i;
        boolean overflow = false;
        for (; i < s.length() && isDigit(s.charAt(i)); i++) {
          if (overflow) continue;
          if (Long.compareUnsigned(fraction, Long.MAX_VALUE / 10) > 0) {
            overflow = true;
            continue;
          }
          long next = fraction * 10 + (s.charAt(i) - '0');
          if (Long.compareUnsigned(next, MAX_UNSIGNED) > 0) {
            overflow = true;
            continue;
          }
          fraction = next;
          scale *= 10;
        }
        hasFraction = i > fractionStart;
      }
      if (!hasWhole && !hasFraction) throw invalid(text, "expected digits around '.'");
      int unitStart = i;
      for (; i < s.length(); i++) {
        char u = s.charAt(i);
        if (u == '.' || isDigit(u)) break;
      }
      if (i == unitStart) throw invalid(text, "a number has no unit (use ns, us, µs, ms, s, m or h)");
      String unitText = s.substring(unitStart, i);
      long unit = unitNanos(unitText);
      if (unit == 0) {
        throw invalid(text, "unknown unit '" + unitText + "' (use ns, us, µs, ms, s, m or h)");
      }
      if (Long.compareUnsigned(whole, Long.divideUnsigned(MAX_UNSIGNED, unit)) > 0) {
        throw invalid(text, "it overflows");
      }
      long value = whole * unit;
      if (fraction != 0) {
        value += (long) (unsignedToDouble(fraction) * ((double) unit / scale));
        if (Long.compareUnsigned(value, MAX_UNSIGNED) > 0) throw invalid(text, "it overflows");
      }
      total += value;
      if (Long.compareUnsigned(total, MAX_UNSIGNED) > 0) throw invalid(text, "it overflows");
    }
    if (negative) return ofNanos(-total);
    if (total < 0) throw invalid(text, "it overflows");
    return ofNanos(total);
  }

  /** 1 << 63 as an unsigned long: the magnitude of the most negative duration. */
  private static final long MAX_UNSIGNED = Long.MIN_VALUE;
  /** Go's {@code 1<<63/10}: Java's signed division of {@link #MAX_UNSIGNED} would be negative. */
  private static final long MAX_UNSIGNED_TENTH = Long.divideUnsigned(MAX_UNSIGNED, 10);

  /** Go's {@code float64(uint64)}: a fraction may reach exactly 1 << 63, which is negative as a long. */
  private static double unsignedToDouble(long value) {
    return value >= 0 ? value : (double) (value >>> 1) * 2.0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static long unitNanos(String unit) {
    switch (unit) {
      case "ns": return 1L;
      case "us": case "\u00b5s": case "\u03bcs": return 1_000L;
      case "ms": return 1_000_000L;
      case "s": return 1_000_000_000L;
      case "m": return 60_000_000_000L;
      case "h": return 3_600_000_000_000L;
      default: return 0;
    }
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("invalid Go duration \"" + text + "\": " + why);
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
    if (nanos == 0) return "0s";
    // Work on the magnitude as an unsigned long so that Long.MIN_VALUE prints as Go prints it.
    long u = nanos < 0 ? -nanos : nanos;
    StringBuilder out = new StringBuilder(24);
    if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
      String unit;
      int precision;
      if (u < 1_000L) {
        unit = "ns";
        precision = 0;
      } else if (u < 1_000_000L) {
        unit = "\u00b5s";
        precision = 3;
      } else {
        unit = "ms";
        precision = 6;
      }
      appendDecimal(out, u, precision);
      out.append(unit);
    } else {
      long seconds = Long.divideUnsigned(u, 1_000_000_000L);
      long fraction = Long.remainderUnsigned(u, 1_000_000_000L);
      long minutes = seconds / 60;
      long hours = minutes / 60;
      if (hours > 0) out.append(hours).append('h');
      if (minutes > 0) out.append(minutes % 60).append('m');
      appendDecimal(out, (seconds % 60) * 1_000_000_000L + fraction, 9);
      out.append('s');
    }
    if (nanos < 0) out.insert(0, '-');
    return out.toString();
  }

  /** Appends value / 10^precision with the fraction's trailing zeros, and a bare point, left out. */
  private static void appendDecimal(StringBuilder out, long value, int precision) {
    long scale = 1;
    for (int i = 0; i < precision; i++) scale *= 10;
    out.append(value / scale);
    long fraction = value % scale;
    if (fraction == 0) return;
    String digits = Long.toString(fraction + scale).substring(1);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') end--;
    out.append('.').append(digits, 0, end);
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
