package dev.cassette.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How {@code cassette diff} prints a changed value: both sides as compact JSON, {@code OLD -> NEW}, and
 * when either is long, a window of each around their first difference, so that a one-word change in a
 * long prompt is visible without printing the prompt twice.
 */
final class ChangeText {
  /** Longest value printed whole. */
  private static final int MAX_VALUE = 100;

  private ChangeText() {}

  /** {@code OLD -> NEW}, escaped for the terminal; {@code (absent)} for a side where the value is missing. */
  static String values(JsonNode a, JsonNode b) {
    String before = JsonValues.write(a);
    String after = JsonValues.write(b);
    if (before.length() <= MAX_VALUE && after.length() <= MAX_VALUE) return esc(before) + " -> " + esc(after);
    int at = 0;
    while (at < before.length() && at < after.length() && before.charAt(at) == after.charAt(at)) at++;
    return window(before, at) + " -> " + window(after, at);
  }

  /** The text, cut after twice the longest value with {@code ...}. */
  static String cut(String text) {
    return text.length() <= 2 * MAX_VALUE ? text : text.substring(0, 2 * MAX_VALUE) + "...";
  }

  private static String window(String text, int at) {
    int from = Math.max(0, Math.min(at - 30, text.length() - MAX_VALUE));
    int to = Math.min(text.length(), from + MAX_VALUE);
    return (from > 0 ? "..." : "") + esc(text.substring(from, to)) + (to < text.length() ? "..." : "");
  }

  private static String esc(String text) {
    return ControlCharacters.escape(text);
  }
}
