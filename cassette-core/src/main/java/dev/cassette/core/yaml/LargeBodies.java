package dev.cassette.core.yaml;

import dev.cassette.core.Body;
import dev.cassette.core.GoString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Large bodies cut out of a cassette's bytes before it is parsed, and handed back to the decoder by
 * place. snakeyaml builds a block scalar in a {@code StringBuilder} that doubles as it grows, and holds
 * the whole text besides: reading a 200 MB streamed body that way takes over a gigabyte. Here each
 * large {@code body: |} literal block is read straight from the file's bytes into the body's bytes, and
 * snakeyaml parses the rest, with the block's lines left empty so that every line number stays.
 *
 * <p>Only the plain shape Go's emitter writes is cut: {@code body: |}, {@code |-}, {@code |+}, with an
 * optional indentation indicator, its lines indented by spaces, in a file without CR line breaks or
 * U+2028/U+2029 (which Go reads as breaks). Anything else is left to snakeyaml. A block is cut only when
 * its header is what it seems, which the decoder confirms: each cut block must be claimed by a literal
 * {@code body} scalar starting on its line ({@link #claim}), else the reader parses the whole text again
 * the ordinary way ({@link #allClaimed}).
 */
final class LargeBodies {
  /** A body's header line: its indentation, the key's column, the indentation indicator and chomping. */
  private static final Pattern BODY_HEADER = Pattern.compile("( *)((?:- )?)body: \\|([1-9]?)([-+]?)");
  /** Any block scalar header, whose lines are skipped so that none is taken for a header. */
  private static final Pattern ANY_HEADER = Pattern.compile(".*(?:^| )[|>][-+1-9]{0,2}");

  /** The text with the cut blocks' lines left empty. */
  private final byte[] rest;
  /** 0-based line of a cut block's header to its body. */
  private final Map<Integer, Body> bodies;

  private LargeBodies(byte[] rest, Map<Integer, Body> bodies) {
    this.rest = rest;
    this.bodies = bodies;
  }

  /**
   * Cuts the {@code body} literal blocks of more than {@code threshold} bytes out of a UTF-8 text, or
   * returns null when there are none, or the text is not of the plain shape this reads.
   */
  static LargeBodies cut(byte[] text, int threshold) {
    for (int i = 0; i < text.length; i++) {
      byte b = text[i];
      if (b == '\r') return null;
      // U+2028 and U+2029: E2 80 A8 and E2 80 A9.
      if (b == (byte) 0xE2 && i + 2 < text.length && text[i + 1] == (byte) 0x80
          && (text[i + 2] == (byte) 0xA8 || text[i + 2] == (byte) 0xA9)) {
        return null;
      }
    }
    Map<Integer, Body> bodies = new HashMap<>();
    // Each cut block's first and end byte, in file order: the rest is copied only once all are known,
    // and only when there are some, so that a large file without a large body is never held twice.
    List<int[]> cuts = new ArrayList<>();
    int line = 0;
    int pos = 0;
    while (pos < text.length) {
      int end = lineEnd(text, pos);
      // Headers are short lines; longer ones are content, which is never a header.
      String head = end - pos <= 256 ? new String(text, pos, end - pos, StandardCharsets.UTF_8) : "";
      pos = end + 1;
      line++;
      Matcher body = BODY_HEADER.matcher(head);
      boolean isBody = body.matches();
      if (!isBody && !ANY_HEADER.matcher(head).matches()) continue;
      // The block's lines: blank, or indented more than the line that opens it.
      int parent = isBody ? body.group(1).length() + body.group(2).length() : leadingSpaces(head);
      int indent = isBody && !body.group(3).isEmpty() ? parent + Integer.parseInt(body.group(3)) : -1;
      int blockStart = pos;
      int blockEnd = pos;
      int lines = 0;
      int contentBytes = 0;
      while (blockEnd < text.length) {
        int e = lineEnd(text, blockEnd);
        int spaces = 0;
        while (blockEnd + spaces < e && text[blockEnd + spaces] == ' ') spaces++;
        boolean blank = blockEnd + spaces == e;
        if (!blank) {
          if (indent < 0) indent = spaces;
          if (spaces < indent || indent <= parent) break;
        }
        if (e == text.length) return null; // a block that ends the file without a line break
        contentBytes += e - blockEnd;
        blockEnd = e + 1;
        lines++;
      }
      if (isBody && indent > parent && contentBytes > threshold) {
        byte[] value = value(text, blockStart, blockEnd, indent, body.group(4));
        if (value == null || !GoString.isValidUtf8(value)) return null;
        bodies.put(line - 1, Body.wrap(value));
        cuts.add(new int[] {blockStart, blockEnd, lines});
      }
      pos = blockEnd;
      line += lines;
    }
    return bodies.isEmpty() ? null : new LargeBodies(rest(text, cuts), bodies);
  }

  /** The text with each cut block's lines left empty: one line break for each. */
  private static byte[] rest(byte[] text, List<int[]> cuts) {
    long size = text.length;
    for (int[] cut : cuts) size -= cut[1] - cut[0] - cut[2];
    byte[] rest = new byte[(int) size];
    int from = 0;
    int at = 0;
    for (int[] cut : cuts) {
      System.arraycopy(text, from, rest, at, cut[0] - from);
      at += cut[0] - from;
      Arrays.fill(rest, at, at + cut[2], (byte) '\n');
      at += cut[2];
      from = cut[1];
    }
    System.arraycopy(text, from, rest, at, text.length - from);
    return rest;
  }

  /**
   * A literal block's value, as YAML reads it: each line without its indentation, joined by line
   * breaks, then the trailing breaks as the chomping indicator says. Null for a blank line with more
   * spaces than the indentation, whose reading this does not repeat.
   */
  private static byte[] value(byte[] text, int start, int end, int indent, String chomping) {
    // Lines are found twice, to size the result exactly: a large body is not copied again.
    int size = 0;
    int lastContentEnd = -1;
    int trailingBreaks = 0;
    for (int pos = start; pos < end; ) {
      int e = lineEnd(text, pos);
      boolean blank = isBlank(text, pos, e);
      if (blank && e - pos > indent) return null;
      if (blank) {
        trailingBreaks++;
      } else {
        size += trailingBreaks + (lastContentEnd >= 0 ? 1 : 0) + (e - pos - indent);
        trailingBreaks = 0;
        lastContentEnd = e;
      }
      pos = e + 1;
    }
    int breaks = switch (chomping) {
      case "-" -> 0;
      case "+" -> lastContentEnd >= 0 ? trailingBreaks + 1 : trailingBreaks;
      default -> lastContentEnd >= 0 ? 1 : 0;
    };
    byte[] value = new byte[size + breaks];
    int at = 0;
    boolean first = true;
    int pendingBreaks = 0;
    for (int pos = start; pos < end; ) {
      int e = lineEnd(text, pos);
      if (isBlank(text, pos, e)) {
        pendingBreaks++;
      } else {
        if (!first) pendingBreaks++;
        for (; pendingBreaks > 0; pendingBreaks--) value[at++] = '\n';
        System.arraycopy(text, pos + indent, value, at, e - pos - indent);
        at += e - pos - indent;
        first = false;
      }
      pos = e + 1;
    }
    for (int i = 0; i < breaks; i++) value[at++] = '\n';
    return at == value.length ? value : null;
  }

  private static boolean isBlank(byte[] text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text[i] != ' ') return false;
    }
    return true;
  }

  private static int lineEnd(byte[] text, int from) {
    for (int i = from; i < text.length; i++) {
      if (text[i] == '\n') return i;
    }
    return text.length;
  }

  private static int leadingSpaces(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') n++;
    return n;
  }

  /** The text to parse in place of the original: the cut blocks' lines are empty. */
  byte[] rest() {
    return rest;
  }

  /** The body cut at this 0-based line, once; null when none was (or it was claimed already). */
  Body claim(int line) {
    return bodies.remove(line);
  }

  /** Whether the decoder claimed every cut body, which proves each header was one. */
  boolean allClaimed() {
    return bodies.isEmpty();
  }
}
