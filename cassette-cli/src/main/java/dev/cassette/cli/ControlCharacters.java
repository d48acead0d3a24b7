package dev.cassette.cli;

/**
 * Makes text from a cassette safe to print on a terminal. A hostile or damaged file can hold escape
 * sequences that move the cursor, rewrite earlier lines, change the window title or, on some terminals,
 * inject input; and bidirectional overrides that make text read other than it is. Each such character
 * is printed as a visible escape ({@code \x1B}, {@code \u202E}) instead, so the output shows what the
 * file holds without acting on it.
 */
final class ControlCharacters {
  private ControlCharacters() {}

  /**
   * The text with C0 and C1 control characters (line breaks included: callers print one line at a
   * time), DEL and Unicode bidirectional controls escaped; tabs are kept. The same instance when there
   * is nothing to escape.
   */
  static String escape(String text) {
    int i = 0;
    while (i < text.length() && !needsEscape(text.charAt(i))) i++;
    if (i == text.length()) return text;
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) out.append(c);
      else if (c < 0x100) out.append(String.format("\\x%02X", (int) c));
      else out.append(String.format("\\u%04X", (int) c));
    }
    return out.toString();
  }

  /**
   * True for the characters {@link #escape} spells out; also used by {@code show --json}, which writes
   * them as JSON's {@code \}{@code uXXXX} escapes instead.
   */
  static boolean needsEscape(char c) {
    if (c == '\t') return false;
    return c < 0x20 || c >= 0x7F && c <= 0x9F
        || c >= 0x202A && c <= 0x202E // embeddings and overrides
        || c >= 0x2066 && c <= 0x2069 // isolates
        || c == 0x200E || c == 0x200F || c == 0x061C; // direction marks
  }
}
