package dev.cassette.core;

import java.io.ByteArrayOutputStream;
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

  /** The bytes with every run (byte offsets) replaced by its placeholder's UTF-8 bytes. */
  byte[] applyTo(byte[] bytes) {
    if (runs == null) return bytes;
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    int copied = 0;
    for (Run run : sorted()) {
      out.write(bytes, copied, run.start - copied);
      out.writeBytes(run.placeholder.getBytes(StandardCharsets.UTF_8));
      copied = run.end;
    }
    out.write(bytes, copied, bytes.length - copied);
    return out.toByteArray();
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
