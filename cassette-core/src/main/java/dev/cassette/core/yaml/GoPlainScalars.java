package dev.cassette.core.yaml;

/**
 * Decides whether Go's YAML encoder may write a string as a plain scalar: a port of {@code resolve()}
 * in go-yaml's {@code resolve.go} plus the encoder's extra YAML 1.1 checks ({@code isBase60Float},
 * {@code isOldBool}, and in yaml/v4 {@code looksLikeMerge}).
 *
 * <p>Go quotes a string exactly when writing it plain would read back as something else (a null, a
 * bool, an int, a float, a timestamp), so these rules decide between {@code 438} and {@code "438"}.
 * They are hand-written scanners rather than regular expressions because every string of a cassette
 * passes through here when it is saved.
 */
final class GoPlainScalars {
  private GoPlainScalars() {}

  /**
   * True when Go's encoder would let {@code s} be written plain (before the emitter's own checks for
   * indicators and white space), i.e. {@code resolve("", s)} is {@code !!str} and none of the YAML 1.1
   * compatibility checks fire.
   *
   * @param v4 whether the yaml/v4 rules apply, which also quote the merge key {@code <<}
   */
  static boolean canBePlain(String s, boolean v4) {
    if (v4 && s.equals("<<")) return false;
    return resolvesToString(s) && !isBase60Float(s) && !isOldBool(s);
  }

  /** go-yaml's {@code resolve("", s) == strTag}. */
  static boolean resolvesToString(String s) {
    if (s.isEmpty()) return false; // null
    char c = s.charAt(0);
    boolean sign = c == '+' || c == '-';
    boolean digit = c >= '0' && c <= '9';
    if (!sign && !digit && c != '.' && "yYnNtTfFoO~".indexOf(c) < 0) return true;
    if (isInResolveMap(s)) return false;
    if (c == '.') return !isGoFloat(s);
    if (!sign && !digit) return true; // hint 'M': only the map applies
    if (isTimestamp(s)) return false;
    String plain = s.indexOf('_') >= 0 ? s.replace("_", "") : s;
    if (isGoInt(plain)) return false;
    return !(isYamlStyleFloat(plain) && isGoFloat(plain));
  }

  private static boolean isInResolveMap(String s) {
    switch (s) {
      case "true": case "True": case "TRUE":
      case "false": case "False": case "FALSE":
      case "~": case "null": case "Null": case "NULL":
      case ".nan": case ".NaN": case ".NAN":
      case ".inf": case ".Inf": case ".INF":
      case "+.inf": case "+.Inf": case "+.INF":
      case "-.inf": case "-.Inf": case "-.INF":
        return true;
      default:
        return false;
    }
  }

  /** YAML 1.1 booleans, which Go keeps quoting for the sake of YAML 1.1 readers. */
  static boolean isOldBool(String s) {
    switch (s) {
      case "y": case "Y": case "yes": case "Yes": case "YES": case "on": case "On": case "ON":
      case "n": case "N": case "no": case "No": case "NO": case "off": case "Off": case "OFF":
        return true;
      default:
        return false;
    }
  }

  /** {@code ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$}: YAML 1.1 sexagesimal numbers. */
  static boolean isBase60Float(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
    if (i >= n || !isDigit(s.charAt(i))) return false;
    i++;
    while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
    int groups = 0;
    while (i < n && s.charAt(i) == ':') {
      i++;
      // [0-5]?[0-9]: one digit, or two digits of which the first is 0-5 (greedy, with backtracking).
      if (i < n && isDigit(s.charAt(i))) {
        if (i + 1 < n && isDigit(s.charAt(i + 1)) && s.charAt(i) <= '5') {
          i += 2;
        } else {
          i++;
        }
      } else {
        return false;
      }
      groups++;
    }
    if (groups == 0) return false;
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
    }
    return i == n;
  }

  /**
   * Go's {@code strconv.ParseInt(s, 0, 64)} or {@code ParseUint(s, 0, 64)} succeeds: an optional sign
   * (signed only), then {@code 0x}, {@code 0o}, {@code 0b} or a leading {@code 0} (octal) prefix, or
   * decimal, within 64 bits.
   */
  static boolean isGoInt(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    boolean signed = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      signed = true;
      i++;
    }
    int base = 10;
    if (i < n && s.charAt(i) == '0') {
      if (i + 1 < n) {
        char p = s.charAt(i + 1);
        if (p == 'x' || p == 'X') {
          base = 16;
          i += 2;
        } else if (p == 'o' || p == 'O') {
          base = 8;
          i += 2;
        } else if (p == 'b' || p == 'B') {
          base = 2;
          i += 2;
        } else {
          base = 8;
          i += 1;
          if (i >= n) return false; // cannot happen: i + 1 < n
        }
      } else {
        return true; // "0", "+0", "-0"
      }
    }
    if (i >= n) return false;
    // Accumulate as unsigned 64-bit with overflow detection.
    long value = 0;
    for (; i < n; i++) {
      int d = Character.digit(s.charAt(i), base);
      if (d < 0 || s.charAt(i) > 0x7f) return false;
      long limit = Long.divideUnsigned(-1L, base);
      if (Long.compareUnsigned(value, limit) > 0) return false;
      long next = value * base + d;
      if (Long.compareUnsigned(next, value * base) < 0) return false;
      value = next;
    }
    if (!signed) return true; // fits int64 or, failing that, uint64
    if (negative) return Long.compareUnsigned(value, Long.MIN_VALUE) <= 0;
    return Long.compareUnsigned(value, Long.MAX_VALUE) <= 0;
  }

  /** {@code ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$}. */
  static boolean isYamlStyleFloat(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
    if (i < n && s.charAt(i) == '.') {
      i++;
      int start = i;
      while (i < n && isDigit(s.charAt(i))) i++;
      if (i == start) return false;
    } else {
      int start = i;
      while (i < n && isDigit(s.charAt(i))) i++;
      if (i == start) return false;
      if (i < n && s.charAt(i) == '.') {
        i++;
        while (i < n && isDigit(s.charAt(i))) i++;
      }
    }
    return exponentToEnd(s, i);
  }

  private static boolean exponentToEnd(String s, int i) {
    int n = s.length();
    if (i == n) return true;
    if (s.charAt(i) != 'e' && s.charAt(i) != 'E') return false;
    i++;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
    int start = i;
    while (i < n && isDigit(s.charAt(i))) i++;
    return i > start && i == n;
  }

  /**
   * Go's {@code strconv.ParseFloat(s, 64)} succeeds, for the strings that reach it: decimal forms
   * (which must not overflow to infinity), {@code inf}/{@code infinity}/{@code nan} in any case with an
   * optional sign, and hexadecimal floats.
   */
  static boolean isGoFloat(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
    String rest = s.substring(i);
    if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) return true;
    if (i == 0 && rest.equalsIgnoreCase("nan")) return true;
    if (rest.length() > 2 && rest.charAt(0) == '0' && (rest.charAt(1) == 'x' || rest.charAt(1) == 'X')) {
      return isGoHexFloat(rest.substring(2).replace("_", ""), rest.indexOf('_') >= 0);
    }
    if (rest.indexOf('_') >= 0) return false; // underscores need a base prefix
    // Decimal: digits with at most one point and at least one digit, then an optional exponent.
    int j = 0;
    int digits = 0;
    int m = rest.length();
    while (j < m && isDigit(rest.charAt(j))) { j++; digits++; }
    if (j < m && rest.charAt(j) == '.') {
      j++;
      while (j < m && isDigit(rest.charAt(j))) { j++; digits++; }
    }
    if (digits == 0 || !exponentToEnd(rest, j)) return false;
    return !Double.isInfinite(Double.parseDouble(rest));
  }

  private static boolean isGoHexFloat(String h, boolean underscores) {
    // Hex mantissa with optional point, mandatory p exponent; underscores allowed after the prefix.
    int j = 0;
    int digits = 0;
    int m = h.length();
    while (j < m && Character.digit(h.charAt(j), 16) >= 0) { j++; digits++; }
    if (j < m && h.charAt(j) == '.') {
      j++;
      while (j < m && Character.digit(h.charAt(j), 16) >= 0) { j++; digits++; }
    }
    if (digits == 0 || j >= m || (h.charAt(j) != 'p' && h.charAt(j) != 'P')) return false;
    j++;
    if (j < m && (h.charAt(j) == '+' || h.charAt(j) == '-')) j++;
    int start = j;
    while (j < m && isDigit(h.charAt(j))) j++;
    return j > start && j == m;
  }

  /**
   * go-yaml's {@code parseTimestamp}: Go's {@code time.Parse} with the layouts
   * {@code 2006-1-2T15:4:5.999999999Z07:00}, the same with a lower-case {@code t},
   * {@code 2006-1-2 15:4:5.999999999} and {@code 2006-1-2}.
   */
  static boolean isTimestamp(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && isDigit(s.charAt(i))) i++;
    if (i != 4 || i == n || s.charAt(i) != '-') return false;
    int year = Integer.parseInt(s, 0, 4, 10);
    i = 5;
    int[] pos = {i};
    int month = getNum(s, pos);
    if (month < 1 || month > 12) return false;
    if (!expect(s, pos, '-')) return false;
    int day = getNum(s, pos);
    if (day < 1 || day > daysIn(month, year)) return false;
    i = pos[0];
    if (i == n) return true; // 2006-1-2
    char sep = s.charAt(i);
    boolean zone;
    if (sep == 'T' || sep == 't') {
      zone = true;
      pos[0] = i + 1;
    } else if (sep == ' ') {
      zone = false;
      while (pos[0] < n && s.charAt(pos[0]) == ' ') pos[0]++;
    } else {
      return false;
    }
    int hour = getNum(s, pos);
    if (hour < 0 || hour >= 24 || !expect(s, pos, ':')) return false;
    int minute = getNum(s, pos);
    if (minute < 0 || minute >= 60 || !expect(s, pos, ':')) return false;
    int second = getNum(s, pos);
    if (second < 0 || second >= 60) return false;
    i = pos[0];
    if (i + 1 < n && (s.charAt(i) == '.' || s.charAt(i) == ',') && isDigit(s.charAt(i + 1))) {
      i += 2;
      while (i < n && isDigit(s.charAt(i))) i++;
    }
    if (!zone) return i == n;
    if (i < n && s.charAt(i) == 'Z') return i + 1 == n;
    if (n - i < 6 || s.charAt(i + 3) != ':') return false;
    char zs = s.charAt(i);
    if (!isDigit(s.charAt(i + 1)) || !isDigit(s.charAt(i + 2)) || !isDigit(s.charAt(i + 4))
        || !isDigit(s.charAt(i + 5))) {
      return false;
    }
    int zh = (s.charAt(i + 1) - '0') * 10 + (s.charAt(i + 2) - '0');
    int zm = (s.charAt(i + 4) - '0') * 10 + (s.charAt(i + 5) - '0');
    if (zh > 24 || zm > 60) return false;
    return (zs == '+' || zs == '-') && i + 6 == n;
  }

  /** Go's {@code getnum(s, false)}: one or two digits; -1 when there is none. */
  private static int getNum(String s, int[] pos) {
    int i = pos[0];
    if (i >= s.length() || !isDigit(s.charAt(i))) return -1;
    if (i + 1 >= s.length() || !isDigit(s.charAt(i + 1))) {
      pos[0] = i + 1;
      return s.charAt(i) - '0';
    }
    pos[0] = i + 2;
    return (s.charAt(i) - '0') * 10 + (s.charAt(i + 1) - '0');
  }

  private static boolean expect(String s, int[] pos, char c) {
    if (pos[0] >= s.length() || s.charAt(pos[0]) != c) return false;
    pos[0]++;
    return true;
  }

  private static int daysIn(int month, int year) {
    switch (month) {
      case 2:
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return leap ? 29 : 28;
      case 4: case 6: case 9: case 11:
        return 30;
      default:
        return 31;
    }
  }

  /**
   * yaml/v4's {@code shouldUseLiteralStyle}: a string with a line feed becomes a literal block only
   * when it is at least 2 bytes long and holds a character that is not Go {@code unicode.IsSpace}.
   */
  static boolean v4AllowsLiteral(String s) {
    // s holds a line feed, so it is shorter than 2 bytes exactly when it is shorter than 2 chars.
    if (s.length() < 2) return false;
    for (int i = 0; i < s.length(); i++) {
      if (!isGoSpace(s.charAt(i))) return true;
    }
    return false;
  }

  /** Go's {@code unicode.IsSpace}, which differs from {@link Character#isWhitespace} on both sides. */
  private static boolean isGoSpace(char c) {
    switch (c) {
      case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0x85: case 0xA0:
      case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200A;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
