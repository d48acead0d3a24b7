package dev.cassette.cli;

/**
 * Text from a cassette made safe to print: a cassette is data from a server, and a control character in
 * it (an ANSI escape, a carriage return, a bidirectional override) would otherwise rewrite the reader's
 * terminal or disguise what the diff shows. Such characters are printed as {@code \n}, {@code \r},
 * {@code \t} or {@code \}{@code uXXXX}; everything else, non-ASCII letters included, is printed as is.
 */
final class TerminalText {
  private TerminalText() {}

  /** The text with every control character spelled out. */
  static String escape(String text) {
    int first = 0;
    while (first < text.length() && !isControl(text.charAt(first))) first++;
    if (first == text.length()) return text;
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        out.append(c);
        continue;
      }
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  /**
   * C0 and C1 controls, DEL, and the Unicode format characters that reorder or hide text on screen
   * (bidirectional embeddings, overrides, isolates and marks).
   */
  static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e || c == 0x200f || c == 0x061c;
  }
}
