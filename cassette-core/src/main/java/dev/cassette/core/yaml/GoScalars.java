package dev.cassette.core.yaml;

import dev.cassette.core.Body;
import dev.cassette.core.GoDuration;
import dev.cassette.core.GoString;
import java.util.Base64;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads YAML scalars into Go field types the way Go's YAML library ({@code gopkg.in/yaml.v3},
 * {@code resolve.go} and {@code decode.go}) does, so that every file Go reads back is read here to the
 * same values: a string field takes any scalar's text (a plain null is {@code ""}), {@code !!binary} is
 * base64 of the exact bytes, an int takes Go's integer spellings ({@code 0x1F}, {@code 0o17},
 * {@code 017}, {@code 0b101}, {@code 1_000}), a duration is Go duration text and never a bare number.
 *
 * <p>Where Go silently truncates (a float such as {@code 2.5} in an int field) this refuses instead, since
 * a cassette never holds one and the file is more likely mistyped than meant.
 */
final class GoScalars {
  private static final Pattern YAML_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  private final Source source;
  private final LineSeparators separators;
  /** Bodies the reader cut out before parsing; null when it cut none. */
  private final LargeBodies largeBodies;

  GoScalars(Source source, LineSeparators separators, LargeBodies largeBodies) {
    this.source = source;
    this.separators = separators;
    this.largeBodies = largeBodies;
  }

  /** A plain {@code ~}, {@code null} or empty scalar without a tag: Go's zero value for any field. */
  static boolean isNull(Node node) {
    if (!(node instanceof ScalarNode scalar) || !isImplicitPlain(scalar)) return false;
    String text = scalar.getValue();
    switch (text) {
      case "": case "~": case "null": case "Null": case "NULL": return true;
      default: return false;
    }
  }

  private static boolean isImplicitPlain(ScalarNode scalar) {
    return scalar.getScalarStyle() == ScalarStyle.PLAIN && scalar.isResolved();
  }

  /** A Go string: the scalar's text, {@code !!binary} decoded with invalid UTF-8 kept as escapes. */
  String string(Node node, String path) {
    ScalarNode scalar = scalar(node, path, "a string");
    if (scalar.getTag().equals(Tag.BINARY)) return GoString.decode(binary(scalar, path));
    if (isNull(scalar)) return "";
    return separators.value(scalar);
  }

  /** The body a scalar holds: base64-decoded bytes when tagged {@code !!binary}, else its text. */
  Body body(Node node, String path) {
    ScalarNode scalar = scalar(node, path, "a string");
    if (scalar.getTag().equals(Tag.BINARY)) return Body.of(binary(scalar, path));
    if (largeBodies != null && scalar.getScalarStyle() == ScalarStyle.LITERAL) {
      Body cut = largeBodies.claim(scalar.getStartMark().map(m -> m.getLine()).orElse(-1));
      if (cut != null) return cut;
    }
    if (isNull(scalar)) return Body.empty();
    // Kept as text: most bodies are never needed as bytes, or only when replayed.
    return Body.ofGoString(separators.value(scalar));
  }

  private byte[] binary(ScalarNode scalar, String path) {
    String text = scalar.getValue();
    StringBuilder base64 = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') base64.append(c);
    }
    try {
      return Base64.getDecoder().decode(base64.toString());
    } catch (IllegalArgumentException e) {
      throw source.problem(scalar, path + ": the !!binary value is not valid base64 (" + e.getMessage()
          + "); expected standard base64 with '=' padding, as Go writes it");
    }
  }

  /** A Go int that must fit Java's int. */
  int int32(Node node, String path) {
    long value = int64(node, path);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw source.problem(node, path + ": " + value + " is out of range; expected an integer between "
          + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  /** A Go int64. */
  long int64(Node node, String path) {
    ScalarNode scalar = scalar(node, path, "an integer");
    if (isNull(scalar)) return 0;
    String text = scalar.getValue();
    if (!isImplicitPlain(scalar) && !scalar.getTag().equals(Tag.INT)) {
      throw source.problem(scalar, path + ": found " + describe(scalar) + ", expected an integer;"
          + " write it without quotes or tag, e.g. " + path.substring(path.lastIndexOf('.') + 1) + ": 0");
    }
    Object number = goNumber(text);
    if (number instanceof Long value) return value;
    if (number instanceof Double value) {
      if (value == Math.rint(value) && value >= -0x1p63 && value < 0x1p63) return value.longValue();
      throw source.problem(scalar, path + ": found the number " + text
          + ", expected a whole number that fits in 64 bits");
    }
    if (number == OUT_OF_RANGE) {
      throw source.problem(scalar, path + ": " + text + " is out of range; expected a 64-bit integer");
    }
    throw source.problem(scalar, path + ": found " + describe(scalar) + ", expected an integer");
  }

  /** A Go bool: {@code true}/{@code false}, and the YAML 1.1 words Go accepts for typed bools. */
  boolean bool(Node node, String path) {
    ScalarNode scalar = scalar(node, path, "true or false");
    if (isNull(scalar)) return false;
    String text = scalar.getValue();
    if (isImplicitPlain(scalar) || scalar.getTag().equals(Tag.BOOL)) {
      switch (text) {
        case "true": case "True": case "TRUE": return true;
        case "false": case "False": case "FALSE": return false;
        default: break;
      }
    }
    if (!scalar.getTag().equals(Tag.BINARY)) {
      switch (text) {
        case "y": case "Y": case "yes": case "Yes": case "YES": case "on": case "On": case "ON":
          return true;
        case "n": case "N": case "no": case "No": case "NO": case "off": case "Off": case "OFF":
          return false;
        default: break;
      }
    }
    throw source.problem(scalar, path + ": found " + describe(scalar) + ", expected true or false");
  }

  /** A Go {@code time.Duration}: duration text such as {@code 1.5s}; a plain number is refused, as in Go. */
  GoDuration duration(Node node, String path) {
    ScalarNode scalar = scalar(node, path, "a duration");
    if (isNull(scalar)) return GoDuration.ZERO;
    String text = scalar.getValue();
    if (scalar.getTag().equals(Tag.BINARY)) {
      throw source.problem(scalar, path + ": found a !!binary value, expected a duration such as 1.5s");
    }
    if (isImplicitPlain(scalar) && goNumber(text) != null) {
      throw source.problem(scalar, path + ": found the plain number " + text
          + ", but a duration needs a unit; write " + text + "s (or ms, µs, ns, m, h),"
          + " as Go's Duration.String() writes it: 0s, 83.984896ms, 1m2.5s");
    }
    try {
      return GoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw source.problem(scalar, path + ": " + e.getMessage()
          + "; expected a Go duration such as 0s, 83.984896ms or 1m2.5s");
    }
  }

  private ScalarNode scalar(Node node, String path, String expected) {
    if (node instanceof ScalarNode scalar) return scalar;
    throw source.problem(node, path + ": found " + describe(node) + ", expected " + expected);
  }

  /** An integer Go reads as such but that does not fit int64. */
  private static final Object OUT_OF_RANGE = new Object();

  /**
   * How Go's resolver reads a plain scalar that looks numeric: a Long for an integer, a Double for a
   * float, {@link #OUT_OF_RANGE} for an integer beyond int64, null when it is not a number at all.
   */
  private static Object goNumber(String text) {
    if (text.isEmpty()) return null;
    char first = text.charAt(0);
    if (first == '.') return YAML_FLOAT.matcher(text).matches() ? parseDouble(text) : null;
    if (!(first == '+' || first == '-' || first >= '0' && first <= '9')) return null;
    String plain = text.indexOf('_') < 0 ? text : text.replace("_", "");
    Object integer = parseGoInt(plain);
    if (integer != null) return integer;
    if (YAML_FLOAT.matcher(plain).matches()) return parseDouble(plain);
    return null;
  }

  private static Double parseDouble(String text) {
    double value = Double.parseDouble(text);
    return Double.isFinite(value) ? value : null;
  }

  /**
   * Go's {@code strconv.ParseInt(s, 0, 64)}, falling back to {@code ParseUint} for the range check: an
   * optional sign, then {@code 0x}, {@code 0o}, {@code 0b} or a leading {@code 0} (octal) prefix.
   */
  private static Object parseGoInt(String s) {
    int i = 0;
    boolean negative = false;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    int radix = 10;
    if (s.length() - i >= 2 && s.charAt(i) == '0') {
      char p = Character.toLowerCase(s.charAt(i + 1));
      if (p == 'x') { radix = 16; i += 2; }
      else if (p == 'o') { radix = 8; i += 2; }
      else if (p == 'b') { radix = 2; i += 2; }
      else { radix = 8; i += 1; }
    }
    if (i == s.length()) return null;
    long magnitude = 0;
    boolean overflow = false;
    for (; i < s.length(); i++) {
      int digit = Character.digit(s.charAt(i), radix);
      if (digit < 0 || s.charAt(i) > 'z') return null;
      if (overflow) continue;
      // Accumulate as unsigned: uint64 values are integers to Go too, only out of int64's range.
      if (Long.compareUnsigned(magnitude, Long.divideUnsigned(-1L, radix)) > 0) {
        overflow = true;
        continue;
      }
      long next = magnitude * radix + digit;
      if (Long.compareUnsigned(next, magnitude) < 0) overflow = true;
      else magnitude = next;
    }
    if (overflow) return OUT_OF_RANGE;
    if (negative) {
      if (Long.compareUnsigned(magnitude, Long.MIN_VALUE) > 0) return OUT_OF_RANGE;
      return -magnitude;
    }
    if (magnitude < 0) return OUT_OF_RANGE;
    return magnitude;
  }

  /** Names what a node is, for "found X, expected Y" messages. */
  static String describe(Node node) {
    switch (node.getNodeType()) {
      case MAPPING: return "a mapping";
      case SEQUENCE: return "a sequence";
      default: break;
    }
    ScalarNode scalar = (ScalarNode) node;
    if (scalar.getTag().equals(Tag.BINARY)) return "a !!binary value";
    if (isNull(scalar)) return "an empty value";
    String text = scalar.getValue();
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    shown = shown.replace("\n", "\\n");
    return isImplicitPlain(scalar) ? "'" + shown + "'" : "the quoted string \"" + shown + "\"";
  }
}
