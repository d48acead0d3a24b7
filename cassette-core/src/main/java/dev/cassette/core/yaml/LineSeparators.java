package dev.cassette.core.yaml;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Go's YAML library reads U+2028 (line separator) and U+2029 (paragraph separator) as line breaks, as
 * YAML 1.1 defines them, where snakeyaml-engine (YAML 1.2) reads them as ordinary characters. Go's
 * emitter relies on this in two places:
 *
 * <ul>
 *   <li>a single-quoted string holding U+2028 is written with the separator as a line break followed
 *       by indentation ({@code 'a}, U+2028, then {@code       b'}), which Go reads back as {@code a},
 *       U+2028, {@code b};
 *   <li>a literal block holding U+2028 is written with the separator ending a line and the next line
 *       indented, or starting an otherwise empty line; Go reads the separator as that line's break.
 * </ul>
 *
 * <p>So a text holding a separator is given to snakeyaml with every separator turned into {@code \n}
 * ({@link #asBreaks}), which gives it Go's structure, and the separators are then put back into the
 * values of the scalars that held them.
 *
 * <p>The affected scalars are re-read from the source text with the rules of Go's scanner (libyaml's
 * {@code yaml_parser_scan_flow_scalar} and {@code scan_block_scalar}): blanks before a break are
 * dropped, blanks after it are indentation, and a break other than {@code \n} is kept as itself.
 * Texts without separators, every real cassette seen so far, are read as they are.
 */
final class LineSeparators {
  private final String text;
  /** Whether snakeyaml read {@link #asBreaks} of the text rather than the text itself. */
  private final boolean parsedAsBreaks;
  /** Whether code point indexes (snakeyaml's marks) differ from char indexes in the text. */
  private final boolean hasSurrogates;

  /**
   * @param text the source text, as Go reads it
   * @param parsedAsBreaks whether the tree was composed from {@code asBreaks(text)}
   */
  LineSeparators(String text, boolean parsedAsBreaks) {
    // Kept only when values are re-read from it, so that the text of a large cassette can go while
    // its tree is decoded.
    this.text = parsedAsBreaks ? text : "";
    this.parsedAsBreaks = parsedAsBreaks;
    boolean surrogates = false;
    for (int i = 0; parsedAsBreaks && i < text.length() && !surrogates; i++) {
      surrogates = Character.isSurrogate(text.charAt(i));
    }
    this.hasSurrogates = surrogates;
  }

  /** Whether the text holds a raw separator at all. */
  static boolean present(String text) {
    return text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;
  }

  /** The text with every separator replaced by {@code \n}: same length, so marks still match. */
  static String asBreaks(String text) {
    return text.replace('\u2028', '\n').replace('\u2029', '\n');
  }

  /** The scalar's text as Go reads it. */
  String value(ScalarNode scalar) {
    String value = scalar.getValue();
    if (!parsedAsBreaks) return value;
    ScalarStyle style = scalar.getScalarStyle();
    if (style != ScalarStyle.SINGLE_QUOTED && style != ScalarStyle.LITERAL) return value;
    int[] region = region(scalar);
    if (region == null || !hasSeparator(region[0], region[1])) return value;
    if (style == ScalarStyle.LITERAL) return literal(value, region[0], region[1]);
    int quote = text.indexOf('\'', region[0]);
    return quote < 0 || quote >= region[1] ? value : singleQuoted(quote + 1, region[1] - 1);
  }

  private boolean hasSeparator(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\u2028' || c == '\u2029') return true;
    }
    return false;
  }

  /** The scalar's start and end as char indexes in the text, or null when unknown. */
  private int[] region(ScalarNode scalar) {
    if (scalar.getStartMark().isEmpty() || scalar.getEndMark().isEmpty()) return null;
    int start = charIndex(scalar.getStartMark().get().getIndex());
    int end = charIndex(scalar.getEndMark().get().getIndex());
    return start < 0 || end < 0 || start > end ? null : new int[] {start, end};
  }

  /**
   * A literal block's value with its line breaks as written: the value's k-th {@code \n} is the
   * block's k-th line break, since a literal block keeps every break but the chomped trailing ones.
   */
  private String literal(String value, int start, int end) {
    int i = nextBreak(start, end); // the end of the header line: '|', indicators, comment
    i = nextBreak(i + 1 + (i + 1 < end && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n' ? 1 : 0), end);
    StringBuilder out = new StringBuilder(value.length());
    for (int k = 0; k < value.length(); k++) {
      char c = value.charAt(k);
      if (c == '\n' && i < end) {
        char brk = text.charAt(i);
        out.append(brk == '\u2028' || brk == '\u2029' ? brk : '\n');
        i = nextBreak(i + 1 + (brk == '\r' && i + 1 < end && text.charAt(i + 1) == '\n' ? 1 : 0), end);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The next line break in a block, as both Go and snakeyaml see them (NEL is left out: only Go does). */
  private int nextBreak(int from, int end) {
    int i = from;
    while (i < end) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') break;
      i++;
    }
    return i;
  }

  private int charIndex(int codePointIndex) {
    if (!hasSurrogates) return codePointIndex <= text.length() ? codePointIndex : -1;
    try {
      return text.offsetByCodePoints(0, codePointIndex);
    } catch (IndexOutOfBoundsException e) {
      return -1;
    }
  }

  /** Reads the single-quoted scalar between {@code from} (after the quote) and the closing quote. */
  private String singleQuoted(int from, int closingQuote) {
    StringBuilder out = new StringBuilder(closingQuote - from);
    StringBuilder whitespaces = new StringBuilder();
    StringBuilder leadingBreak = new StringBuilder();
    StringBuilder trailingBreaks = new StringBuilder();
    int i = from;
    while (i < closingQuote) {
      while (i < closingQuote && !isBlank(text.charAt(i)) && !isBreak(text.charAt(i))) {
        char c = text.charAt(i);
        out.append(c);
        i += c == '\'' ? 2 : 1; // inside the scalar a quote is always the first of a doubled pair
      }
      boolean leadingBlanks = false;
      while (i < closingQuote && (isBlank(text.charAt(i)) || isBreak(text.charAt(i)))) {
        char c = text.charAt(i);
        if (isBlank(c)) {
          if (!leadingBlanks) whitespaces.append(c);
          i++;
          continue;
        }
        StringBuilder target = leadingBlanks ? trailingBreaks : leadingBreak;
        if (!leadingBlanks) {
          whitespaces.setLength(0);
          leadingBlanks = true;
        }
        if (c == '\r' && i + 1 < closingQuote && text.charAt(i + 1) == '\n') i++;
        target.append(c == '\r' || c == '\u0085' ? '\n' : c);
        i++;
      }
      if (leadingBlanks) {
        if (leadingBreak.charAt(0) == '\n') {
          out.append(trailingBreaks.length() == 0 ? " " : trailingBreaks);
        } else {
          out.append(leadingBreak).append(trailingBreaks);
        }
        leadingBreak.setLength(0);
        trailingBreaks.setLength(0);
      } else {
        out.append(whitespaces);
        whitespaces.setLength(0);
      }
    }
    return out.toString();
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }
}
