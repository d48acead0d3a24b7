package dev.cassette.core.yaml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which strings Go's resolver lets stay plain, and which it reads as another type, so they get quoted. */
class GoPlainScalarsTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "FALSE",
      "y", "Y", "yes", "Yes", "no", "NO", "on", "On", "off", "OFF",
      "0", "-0", "+1", "017", "08", "0o17", "0x1f", "0X1F", "0b101", "-0b101", "+0b101", "1_000",
      "9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551615",
      "99999999999999999999", "1e3", "1E-3", ".5", "-.5", "+.5e2", "1.", "3.14",
      ".inf", "-.Inf", "+.INF", ".nan", ".NaN",
      "1:30", "190:20:30", "-12:30:59.5", "1_0:20",
      "2006-01-02", "2006-1-2", "2004-02-29", "2006-01-02T15:04:05Z", "2006-01-02t15:04:05.999+07:00",
      "2006-01-02T15:04:05.123456789123-00:30", "2006-01-02 15:04:05", "2006-01-02   15:04:05.5"})
  void quoted(String s) {
    assertFalse(GoPlainScalars.canBePlain(s, true), s);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "abc", "NaN", "Inf", "nan", "infinity", ".", "-", "+", "1e", "0x", "0b2", "0xZZ", "1.2.3", "1e999",
      ".5e999", "1:60", "12:3a", "2006-13-01", "2006-02-29", "2006-01-32", "2006-01-02T15:04:05",
      "2006-01-02T24:00:00Z", "2006-01-02T15:04:05+0700", "20060-01-02", "2006-01-02x", "yES", "<<",
      "1_0:2_0", "200 OK", "83.984896ms", "0s", "-1.5h"})
  void plain(String s) {
    assertTrue(GoPlainScalars.canBePlain(s, false), s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"<<"})
  void quotedByV4Only(String s) {
    assertTrue(GoPlainScalars.canBePlain(s, false), s);
    assertFalse(GoPlainScalars.canBePlain(s, true), s);
  }
}
