package dev.cassette.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-by-line difference of two texts, printed like {@code diff -u} without the hunk headers: lines
 * only in the old text start with {@code -}, lines only in the new one with {@code +}, and a few
 * unchanged lines around each change give the context. Used for reassembled LLM replies and other text
 * bodies, where a reviewer reads sentences, not characters.
 */
final class LineDiff {
  /** Unchanged lines kept before and after each change. */
  private static final int CONTEXT = 2;
  /** Above this many cells the table would cost too much; the changed middle is shown as replaced. */
  private static final long MAX_CELLS = 4_000_000;

  private LineDiff() {}

  /** One line of the result: {@code ' '}, {@code '-'} or {@code '+'}, and the line itself. */
  record Line(char kind, String text) {}

  /** The lines of both texts, unchanged, removed and added, in reading order. */
  static List<Line> between(String before, String after) {
    String[] a = before.isEmpty() ? new String[0] : before.split("\r\n|\n", -1);
    String[] b = after.isEmpty() ? new String[0] : after.split("\r\n|\n", -1);
    int prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) prefix++;
    int suffix = 0;
    while (suffix < a.length - prefix && suffix < b.length - prefix
        && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
      suffix++;
    }
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < prefix; i++) lines.add(new Line(' ', a[i]));
    middle(a, prefix, a.length - suffix, b, prefix, b.length - suffix, lines);
    for (int i = a.length - suffix; i < a.length; i++) lines.add(new Line(' ', a[i]));
    return lines;
  }

  /** The longest common subsequence of the middle parts, by the classic table. */
  private static void middle(String[] a, int aFrom, int aTo, String[] b, int bFrom, int bTo, List<Line> out) {
    int n = aTo - aFrom;
    int m = bTo - bFrom;
    if ((long) n * m > MAX_CELLS) {
      for (int i = aFrom; i < aTo; i++) out.add(new Line('-', a[i]));
      for (int j = bFrom; j < bTo; j++) out.add(new Line('+', b[j]));
      return;
    }
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] = a[aFrom + i].equals(b[bFrom + j])
            ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (a[aFrom + i].equals(b[bFrom + j])) {
        out.add(new Line(' ', a[aFrom + i]));
        i++;
        j++;
      } else if (common[i + 1][j] >= common[i][j + 1]) {
        out.add(new Line('-', a[aFrom + i++]));
      } else {
        out.add(new Line('+', b[bFrom + j++]));
      }
    }
    while (i < n) out.add(new Line('-', a[aFrom + i++]));
    while (j < m) out.add(new Line('+', b[bFrom + j++]));
  }

  /**
   * The lines to print: every change with up to {@link #CONTEXT} unchanged lines around it, and a
   * {@code ...} line where unchanged lines are left out. Each printed line is escaped for the terminal.
   */
  static List<String> render(List<Line> lines) {
    boolean[] shown = new boolean[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).kind() == ' ') continue;
      for (int k = Math.max(0, i - CONTEXT); k <= Math.min(lines.size() - 1, i + CONTEXT); k++) shown[k] = true;
    }
    List<String> out = new ArrayList<>();
    boolean skipped = false;
    for (int i = 0; i < lines.size(); i++) {
      if (!shown[i]) {
        skipped = true;
        continue;
      }
      if (skipped) out.add("  ...");
      skipped = false;
      Line line = lines.get(i);
      out.add(line.kind() + " " + ControlCharacters.escape(line.text()));
    }
    if (skipped) out.add("  ...");
    return out;
  }

  /** True when the texts have the same lines. */
  static boolean isUnchanged(List<Line> lines) {
    return lines.stream().allMatch(line -> line.kind() == ' ');
  }
}
