package dev.cassette.core.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.ScannerException;

/**
 * Go's YAML emitter writes U+2028 and U+2029 inside double-quoted strings as the YAML escapes
 * {@code \L} and {@code \P}, which snakeyaml-engine's scanner does not know. Only the scanner can tell
 * which {@code \L} sits inside a double-quoted scalar (elsewhere it is a literal backslash and letter),
 * so this rewrites lazily: when the scanner stops at such an escape, the scalar it was scanning (whose
 * opening quote the error names) has all its {@code \L} and {@code \P} escapes replaced by the
 * equivalent {@code \u005Cu2028} and {@code \u005Cu2029}, and parsing starts again. Files without these escapes,
 * which is every real cassette seen so far, are parsed once.
 *
 * <p>The replacement is four characters longer than the escape, so a later error on the same line is
 * reported that much further right; line numbers are unaffected. (Replacing the escape with the raw
 * character instead would be shorter, but Go reads a raw separator as a line break; see
 * {@link LineSeparators}.)
 */
final class SeparatorEscapes {
  private SeparatorEscapes() {}

  /**
   * The text with the failing scalar's separator escapes replaced, or empty when the scanner failed for
   * another reason.
   */
  static Optional<String> rewrite(String text, ScannerException e) {
    Optional<Mark> problem = e.getProblemMark();
    Optional<Mark> context = e.getContextMark();
    if (problem.isEmpty() || context.isEmpty()) return Optional.empty();
    int quote = charIndex(text, context.get().getIndex());
    int bad = charIndex(text, problem.get().getIndex());
    if (quote < 0 || bad < 0 || text.charAt(quote) != '"' || bad >= text.length()) return Optional.empty();
    char escape = text.charAt(bad);
    if (escape != 'L' && escape != 'P' || bad == 0 || text.charAt(bad - 1) != '\\') return Optional.empty();

    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, quote + 1);
    int i = quote + 1;
    boolean replaced = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') break;
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(i + 1);
        if (next == 'L' || next == 'P') {
          out.append(next == 'L' ? "\\u2028" : "\\u2029");
          replaced = true;
        } else {
          out.append(c).append(next);
        }
        i += 2;
        continue;
      }
      out.append(c);
      i++;
    }
    if (!replaced) return Optional.empty();
    out.append(text, i, text.length());
    return Optional.of(out.toString());
  }

  /** The char index of a code point index (snakeyaml counts code points), or -1 past the end. */
  private static int charIndex(String text, int codePointIndex) {
    try {
      return text.offsetByCodePoints(0, codePointIndex);
    } catch (IndexOutOfBoundsException e) {
      return -1;
    }
  }
}
