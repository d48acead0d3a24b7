package dev.cassette.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The runs of one text that redaction replaces, collected from every rule first and then applied in
 * one pass, so that a body is copied at most once however many rules found something in it. Where
 * runs overlap, the one that starts first (then the longer) wins.
 */
final class Replacements {
  private record Run(int start, int end, String placeholder) {}

  private static final Comparator<Run> ORDER =
      Comparator.comparingInt(Run::start).thenComparing(Comparator.comparingInt(Run::end).reversed());

  /** Null until the first run: most texts have none, and most scans then allocate nothing more. */
  private List<Run> runs;

  void add(int start, int end, String placeholder) {
    if (runs == null) runs = new ArrayList<>();
    runs.add(new Run(start, end, placeholder));
  }

  boolean isEmpty() {
    return runs == null;
  }

  /** The text with every run replaced; the same instance when there is none. */
  String applyTo(String text) {
    if (runs == null) return text;
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (Run run : sorted()) {
      out.append(text, copied, run.start).append(run.placeholder);
      copied = run.end;
    }
    return out.append(text, copied, text.length()).toString();
  }

  /**
   * The bytes with every run (byte offsets) replaced by its placeholder's UTF-8 bytes, written into one
   * array of the exact size: a large body is copied once, not grown and then trimmed.
   */
  byte[] applyTo(byte[] bytes) {
    if (runs == null) return bytes;
    List<Run> sorted = sorted();
    List<byte[]> placeholders = new ArrayList<>(sorted.size());
    long size = bytes.length;
    for (Run run : sorted) {
      byte[] placeholder = run.placeholder.getBytes(StandardCharsets.UTF_8);
      placeholders.add(placeholder);
      size += placeholder.length - (run.end - run.start);
    }
    byte[] out = new byte[Math.toIntExact(size)];
    int copied = 0;
    int at = 0;
    for (int k = 0; k < sorted.size(); k++) {
      Run run = sorted.get(k);
      System.arraycopy(bytes, copied, out, at, run.start - copied);
      at += run.start - copied;
      byte[] placeholder = placeholders.get(k);
      System.arraycopy(placeholder, 0, out, at, placeholder.length);
      at += placeholder.length;
      copied = run.end;
    }
    System.arraycopy(bytes, copied, out, at, bytes.length - copied);
    return out;
  }

  /** Runs in order, without overlaps. */
  private List<Run> sorted() {
    runs.sort(ORDER);
    List<Run> out = new ArrayList<>(runs.size());
    int end = 0;
    for (Run run : runs) {
      if (run.start < end) continue;
      out.add(run);
      end = run.end;
    }
    return out;
  }
}
