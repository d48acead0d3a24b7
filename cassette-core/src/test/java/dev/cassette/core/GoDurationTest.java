package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {
  /** Pairs printed by Go's Duration.String(). */
  @ParameterizedTest
  @CsvSource({
      "0, 0s",
      "1, 1ns",
      "999, 999ns",
      "1000, 1µs",
      "1100, 1.1µs",
      "350000, 350µs",
      "2200000, 2.2ms",
      "83984896, 83.984896ms",
      "299204750, 299.20475ms",
      "1000000000, 1s",
      "2086618375, 2.086618375s",
      "62500000000, 1m2.5s",
      "3600000000000, 1h0m0s",
      "3723000000000, 1h2m3s",
      "9395317518552, 2h36m35.317518552s",
      "-12, -12ns",
      "-1500000, -1.5ms",
      "-62500000000, -1m2.5s",
      "9223372036854775807, 2562047h47m16.854775807s",
      "-9223372036854775808, -2562047h47m16.854775808s",
  })
  void printsAndParsesLikeGo(long nanos, String text) {
    assertEquals(text, GoDuration.ofNanos(nanos).toString());
    assertEquals(nanos, GoDuration.parse(text).toNanos());
  }

  /** Inputs Go's time.ParseDuration accepts, with the nanoseconds it returns. */
  @ParameterizedTest
  @CsvSource({
      "0, 0",
      "+0, 0",
      "-0, 0",
      "5s, 5000000000",
      "+5s, 5000000000",
      "1.5h, 5400000000000",
      ".5s, 500000000",
      "1.s, 1000000000",
      "1h2m3s4ms5us6ns, 3723004005006",
      "3us, 3000",
      "3µs, 3000",
      "3μs, 3000",
      "0.000000001s, 1",
      "0.0000000015s, 1",
      "1.0000000000000000000001s, 1000000000",
      "100ms, 100000000",
      "-1.5m, -90000000000",
      "9223372036854775807ns, 9223372036854775807",
      "-9223372036854775808ns, -9223372036854775808",
      "2562047h47m16.854775807s, 9223372036854775807",
      // A fraction of exactly 1<<63 digits is still taken; one digit more is dropped as overflow.
      "0.9223372036854775808s, 922337203",
      "0.92233720368547758089s, 922337203",
  })
  void parsesEveryGoForm(String text, long nanos) {
    assertEquals(nanos, GoDuration.parse(text).toNanos());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "5", "438", "s", ".s", "1x", "1.2.3s", "9223372036854775808ns",
      "3000000h", "20000000000000000000ns", "92233720368547758080ns", " 5s", "5s ", "1 s", "--5s", "1e3s"})
  void refusesWhatGoRefuses(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
    assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
  }
}
