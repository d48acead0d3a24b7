package dev.cassette.core.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import dev.cassette.core.GoString;
import java.util.Arrays;
import java.util.Base64;

/**
 * A narrow port of the Go YAML emitter ({@code emitterc.go} and the string rules of {@code encode.go}
 * in gopkg.in/yaml.v3 and go.yaml.in/yaml/v4) for the shapes a cassette has: block mappings, block
 * sequences of strings, empty flow collections, and scalars.
 *
 * <p>Why not snakeyaml-engine's emitter: byte-identical output needs Go's own choices, which no
 * general emitter makes: which strings are quoted and how ({@code "438"} but {@code '*'}), when a
 * multi-line string becomes a {@code |-}/{@code |}/{@code |+} block and when it falls back to a
 * double-quoted string with Go's escapes ({@code \e}, {@code \x9F}, {@code \U0001F1EE}), indentation
 * indicators, complex {@code ?} keys, {@code !!binary} with 70-column base64, and the compact sequence
 * indentation. So this class keeps the Go emitter's state (column, indentation stack, the
 * {@code whitespace} and {@code indention} flags) and its functions keep their Go names in comments,
 * which makes the port checkable line by line against the Go source.
 *
 * <p>Where Go writes YAML that Go itself cannot read back (the vectors' {@code LOSSY.txt}), this
 * emitter deliberately writes readable YAML instead: an indentation indicator is written for a block
 * that starts with a tab, a block in a sequence item gets the indicator that matches its real
 * indentation, and a block's leading line break is kept (as yaml/v4 does, and yaml.v3 did not).
 *
 * <p>Everything is appended to one {@link StringBuilder}; no regular expressions, no per-scalar
 * objects beyond the base64 text of binary values.
 */
final class GoYamlEmitter {
  /** Which Go library's corner cases to follow. */
  enum Rules { YAML_V3, YAML_V4 }

  private enum Context { MAP_VALUE, SEQUENCE_ITEM, SIMPLE_KEY, COMPLEX_KEY }

  private static final int PLAIN = 0;
  private static final int SINGLE_QUOTED = 1;
  private static final int DOUBLE_QUOTED = 2;
  private static final int LITERAL = 3;

  /** Text is handed to the sink in pieces of about this many characters. */
  private static final int DRAIN_AT = 1 << 16;

  private final StringBuilder out;
  /** Where text goes once {@link #out} holds {@link #DRAIN_AT} characters, or null to keep it all. */
  private final Writer sink;
  private final int bestIndent;
  private final boolean compactSequences;
  private final boolean v4;

  private int column;
  private boolean whitespace = true;
  private boolean indention = true;
  private int indent = -1;
  private int[] indents = new int[16];
  private int depth;

  // The scalar being written (yaml_emitter_t.scalar_data), filled by prepare().
  private String value;
  private boolean binary;
  private int style;
  private boolean multiline;
  private boolean blockPlainAllowed;
  private boolean singleQuotedAllowed;
  private boolean blockAllowed;

  GoYamlEmitter(StringBuilder out, int bestIndent, boolean compactSequences, Rules rules) {
    this(out, null, bestIndent, compactSequences, rules);
  }

  /**
   * An emitter that passes its text on to {@code sink} as it goes (at line breaks), so that a large
   * cassette is never held as one string; {@link #flush()} hands over the rest.
   */
  GoYamlEmitter(StringBuilder out, Writer sink, int bestIndent, boolean compactSequences, Rules rules) {
    this.out = out;
    this.sink = sink;
    this.bestIndent = bestIndent;
    this.compactSequences = compactSequences;
    this.v4 = rules == Rules.YAML_V4;
  }

  // ---- structure -------------------------------------------------------------------------------

  /** Starts a non-empty block mapping as the document root or as the value of a key. */
  void beginMapping() {
    increaseIndent(false, false);
  }

  /** Starts a non-empty block mapping as an item of a block sequence: {@code - key: ...}. */
  void beginMappingItem() {
    writeIndent();
    writeIndicator("-", true, false, true);
    increaseIndent(true, false);
  }

  void endMapping() {
    popIndent();
  }

  /** Writes a key and the {@code :} after it; the value must follow. */
  void key(String key) {
    writeIndent();
    prepare(key);
    int length = utf8Length(value) + (binary ? "!!binary".length() : 0);
    if (!multiline && length <= 128) {
      writeScalar(Context.SIMPLE_KEY);
      writeIndicator(":", false, false, false);
    } else {
      writeIndicator("?", true, false, true);
      writeScalar(Context.COMPLEX_KEY);
      writeIndent();
      writeIndicator(":", true, false, true);
    }
  }

  /** A key's value that is a string. */
  void stringValue(String s) {
    prepare(s);
    writeScalar(Context.MAP_VALUE);
  }

  /** A key's value that Go writes as a plain scalar without analysis: an int or a bool. */
  void plainValue(String text) {
    if (!whitespace) put(' ');
    out.append(text);
    column += text.length();
    whitespace = false;
    indention = false;
  }

  /** {@code []}: an empty sequence as a key's value. */
  void emptySequence() {
    writeIndicator("[", true, true, false);
    writeIndicator("]", false, false, false);
  }

  /** {@code {}}: an empty mapping as a key's value. */
  void emptyMapping() {
    writeIndicator("{", true, true, false);
    writeIndicator("}", false, false, false);
  }

  /** Starts a non-empty block sequence as a key's value. */
  void beginSequence() {
    // yaml_emitter_emit_block_sequence_item(first): mapping_context is always true here.
    boolean compact = (column == 0 || !indention) && compactSequences;
    increaseIndent(false, compact);
  }

  /** One string item of a block sequence. */
  void stringItem(String s) {
    writeIndent();
    writeIndicator("-", true, false, true);
    prepare(s);
    writeScalar(Context.SEQUENCE_ITEM);
  }

  void endSequence() {
    popIndent();
  }

  /** Ends the document: the final line break. */
  void endDocument() {
    indent = -1;
    writeIndent();
  }

  // ---- indentation (yaml_emitter_increase_indent, yaml_emitter_write_indent) ---------------------

  private void increaseIndent(boolean inSequenceItem, boolean compactSequence) {
    if (depth == indents.length) indents = Arrays.copyOf(indents, depth * 2);
    indents[depth++] = indent;
    if (indent < 0) {
      indent = 0;
      return;
    }
    if (inSequenceItem) {
      indent += 2;
    } else {
      indent = bestIndent * ((indent + bestIndent) / bestIndent);
    }
    if (compactSequence) indent -= 2;
  }

  private void popIndent() {
    indent = indents[--depth];
  }

  private void writeIndent() {
    int target = Math.max(indent, 0);
    if (!indention || column > target || (column == target && !whitespace)) putBreak();
    while (column < target) put(' ');
    whitespace = true;
  }

  private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace,
      boolean isIndention) {
    if (needWhitespace && !whitespace) put(' ');
    out.append(indicator);
    column += indicator.length();
    whitespace = isWhitespace;
    indention = indention && isIndention;
  }

  private void put(char c) {
    out.append(c);
    column++;
  }

  private void putBreak() {
    out.append('\n');
    column = 0;
    indention = true;
    if (sink != null && out.length() >= DRAIN_AT) flush();
  }

  /** Hands what is buffered to the sink, if there is one. */
  void flush() {
    if (sink == null) return;
    try {
      sink.append(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.setLength(0);
  }

  // ---- scalars ---------------------------------------------------------------------------------

  /** encode.go's stringv (style request) and emitterc.go's yaml_emitter_analyze_scalar. */
  private void prepare(String s) {
    binary = !GoString.isValidUtf8(s);
    if (binary) {
      value = encodeBase64(GoString.encode(s));
      boolean lines = value.indexOf('\n') >= 0;
      style = lines ? LITERAL : PLAIN;
    } else {
      value = s;
      if (s.indexOf('\n') >= 0) {
        style = v4 && !GoPlainScalars.v4AllowsLiteral(s) ? DOUBLE_QUOTED : LITERAL;
      } else {
        style = GoPlainScalars.canBePlain(s, v4) ? PLAIN : DOUBLE_QUOTED;
      }
    }
    analyze(value);
  }

  private void analyze(String v) {
    int n = v.length();
    if (n == 0) {
      multiline = false;
      blockPlainAllowed = true;
      singleQuotedAllowed = true;
      blockAllowed = false;
      return;
    }
    boolean blockIndicators = false;
    boolean lineBreaks = false;
    boolean specialCharacters = false;
    boolean tabCharacters = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean previousSpace = false;
    boolean previousBreak = false;
    boolean precededByWhitespace = true;

    if (n >= 3 && (v.startsWith("---") || v.startsWith("..."))) blockIndicators = true;

    // Walks UTF-16 units: every character the rules single out is in the BMP, and a surrogate pair
    // (an astral character) only matters as "not printable".
    for (int i = 0; i < n; ) {
      char c = v.charAt(i);
      if (i > 0 && isInert(c)) {
        // The common case, kept cheap: a run of printable characters that no rule looks at.
        do {
          i++;
        } while (i < n && continuesInertRun(v, i));
        previousSpace = false;
        previousBreak = false;
        precededByWhitespace = false;
        continue;
      }
      int next = i + 1;
      boolean astral = Character.isHighSurrogate(c) && next < n && Character.isLowSurrogate(v.charAt(next));
      if (astral) next++;
      boolean followedByWhitespace = next >= n || isBlank(v.charAt(next));
      if (i == 0) {
        switch (c) {
          case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*': case '!':
          case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
            blockIndicators = true;
            break;
          case '?': case ':': case '-':
            if (followedByWhitespace) blockIndicators = true;
            break;
          default:
            break;
        }
      } else if (c == ':') {
        if (followedByWhitespace) blockIndicators = true;
      } else if (c == '#') {
        if (precededByWhitespace) blockIndicators = true;
      }

      if (c == '\t') {
        tabCharacters = true;
      } else if (astral || !isPrintable(c)) {
        specialCharacters = true;
      }
      if (c == ' ') {
        if (i == 0) leadingSpace = true;
        if (next == n) trailingSpace = true;
        if (previousBreak) breakSpace = true;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        lineBreaks = true;
        if (i == 0) leadingBreak = true;
        if (next == n) trailingBreak = true;
        if (previousSpace) spaceBreak = true;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = c == ' ' || c == '\t' || c == 0 || isBreak(c);
      i = next;
    }

    multiline = lineBreaks;
    blockPlainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace
        || spaceBreak || tabCharacters || specialCharacters || lineBreaks || blockIndicators);
    singleQuotedAllowed = !(breakSpace || spaceBreak || tabCharacters || specialCharacters);
    blockAllowed = !(trailingSpace || spaceBreak || specialCharacters);
  }

  /** yaml_emitter_select_scalar_style, the tag, and yaml_emitter_process_scalar. */
  private void writeScalar(Context context) {
    boolean simpleKey = context == Context.SIMPLE_KEY;
    int chosen = style;
    if (simpleKey && multiline) chosen = DOUBLE_QUOTED;
    if (chosen == PLAIN) {
      if (!blockPlainAllowed || (value.isEmpty() && simpleKey)) chosen = SINGLE_QUOTED;
    }
    if (chosen == SINGLE_QUOTED && !singleQuotedAllowed) chosen = DOUBLE_QUOTED;
    if (chosen == LITERAL && (!blockAllowed || simpleKey)) chosen = DOUBLE_QUOTED;

    if (binary) {
      // yaml_emitter_write_tag_handle("!!") then yaml_emitter_write_tag_content("binary").
      if (!whitespace) put(' ');
      out.append("!!binary");
      column += 8;
      whitespace = false;
      indention = false;
    }

    increaseIndent(context == Context.SEQUENCE_ITEM, false);
    switch (chosen) {
      case PLAIN -> writePlain(value);
      case SINGLE_QUOTED -> writeSingleQuoted(value);
      case DOUBLE_QUOTED -> writeDoubleQuoted(value);
      default -> writeLiteral(value, context);
    }
    popIndent();
  }

  private void writePlain(String v) {
    if (!v.isEmpty() && !whitespace) put(' ');
    appendCounted(v);
    if (!v.isEmpty()) whitespace = false;
    indention = false;
  }

  private void writeSingleQuoted(String v) {
    writeIndicator("'", true, false, false);
    boolean breaks = false;
    int n = v.length();
    for (int i = 0; i < n; ) {
      int c = v.codePointAt(i);
      i += Character.charCount(c);
      if (c == ' ') {
        put(' ');
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') putBreak();
        writeBreak(c);
        breaks = true;
      } else {
        if (breaks) writeIndent();
        if (c == '\'') put('\'');
        out.appendCodePoint(c);
        column++;
        indention = false;
        breaks = false;
      }
    }
    writeIndicator("'", false, false, false);
    whitespace = false;
    indention = false;
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private void writeDoubleQuoted(String v) {
    writeIndicator("\"", true, false, false);
    int n = v.length();
    int start = 0;
    int printed = 0;
    // Go's is_bom(value, i) looks at the value's first bytes whatever i is, so a value that starts
    // with a byte order mark has every character escaped.
    boolean escapeAll = n > 0 && v.charAt(0) == 0xFEFF;
    for (int i = 0; i < n; ) {
      int c = v.codePointAt(i);
      int next = i + Character.charCount(c);
      if (escapeAll || !isPrintable(c) || isBreak(c) || c == '"' || c == '\\') {
        out.append(v, start, i);
        column += printed;
        printed = 0;
        out.append('\\');
        char e = switch (c) {
          case 0x00 -> '0';
          case 0x07 -> 'a';
          case 0x08 -> 'b';
          case 0x09 -> 't';
          case 0x0A -> 'n';
          case 0x0B -> 'v';
          case 0x0C -> 'f';
          case 0x0D -> 'r';
          case 0x1B -> 'e';
          case 0x22 -> '"';
          case 0x5C -> '\\';
          case 0x85 -> 'N';
          case 0xA0 -> '_';
          case 0x2028 -> 'L';
          case 0x2029 -> 'P';
          default -> 0;
        };
        if (e != 0) {
          out.append(e);
          column += 2;
        } else {
          int digits;
          if (c <= 0xFF) {
            out.append('x');
            digits = 2;
          } else if (c <= 0xFFFF) {
            out.append('u');
            digits = 4;
          } else {
            out.append('U');
            digits = 8;
          }
          for (int k = (digits - 1) * 4; k >= 0; k -= 4) out.append(HEX[(c >> k) & 0xF]);
          column += 2 + digits;
        }
        start = next;
      } else {
        printed++;
      }
      i = next;
    }
    out.append(v, start, n);
    column += printed;
    writeIndicator("\"", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeLiteral(String v, Context context) {
    writeIndicator("|", true, false, false);
    // yaml_emitter_write_block_scalar_hints. Go writes best_indent as the indicator; in a sequence
    // item the block is really indented 2 past the dash, which Go cannot read back when best_indent
    // is 4, so the true offset is written. A block starting with a tab needs the indicator too,
    // else the tab would be taken for indentation.
    int first = v.codePointAt(0);
    if (first == ' ' || isBreak(first) || first == '\t') {
      int hint = context == Context.SEQUENCE_ITEM ? 2 : bestIndent;
      writeIndicator(String.valueOf((char) ('0' + hint)), false, false, false);
    }
    int last = v.codePointBefore(v.length());
    String chomp = null;
    if (!isBreak(last)) {
      chomp = "-";
    } else {
      int lastStart = v.length() - Character.charCount(last);
      if (lastStart == 0 || isBreak(v.codePointBefore(lastStart))) chomp = "+";
    }
    if (chomp != null) writeIndicator(chomp, false, false, false);
    // yaml/v4 ends the header line here; yaml.v3 let the first content line do it, which loses a
    // leading line break, so both rule sets write it the v4 way.
    putBreak();
    whitespace = true;
    // Lines are copied whole: each starts with write_indent, and only line breaks reset the column.
    int n = v.length();
    int i = 0;
    while (i < n) {
      char c = v.charAt(i);
      if (isBreak(c)) {
        writeBreak(c);
        i++;
        continue;
      }
      writeIndent();
      int end = i + 1;
      while (end < n && !isBreak(v.charAt(end))) end++;
      out.append(v, i, end);
      column += v.codePointCount(i, end);
      indention = false;
      i = end;
    }
  }

  private void writeBreak(int c) {
    if (c == '\n') {
      putBreak();
    } else {
      out.appendCodePoint(c);
      column = 0;
      indention = true;
    }
  }

  private void appendCounted(String v) {
    out.append(v);
    column += v.codePointCount(0, v.length());
  }

  // ---- character classes (yaml_private.go) -------------------------------------------------------

  /** A printable character, past the first, that changes no flag of analyze() but the "previous" ones. */
  private static boolean isInert(char c) {
    if (c < 0x80) return c > ' ' && c < 0x7F && c != ':' && c != '#';
    return c >= 0xA0 && c <= 0xFFFD && c != 0x2028 && c != 0x2029 && c != 0xFEFF
        && !Character.isSurrogate(c);
  }

  /**
   * Whether the character at {@code i}, which follows a printable non-blank one, changes no flag either:
   * an inert character, a {@code #} (a comment only starts after whitespace), or a {@code :} that is not
   * followed by whitespace (JSON's colons).
   */
  private static boolean continuesInertRun(String v, int i) {
    char c = v.charAt(i);
    if (isInert(c) || c == '#') return true;
    return c == ':' && i + 1 < v.length() && !isBlank(v.charAt(i + 1));
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isBreak(int c) {
    return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  /** go-yaml's is_printable: no C0/C1 controls but line feed, no surrogates, no BOM, nothing astral. */
  private static boolean isPrintable(int c) {
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  private static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }

  /** resolve.go's encodeBase64: standard base64 in lines of 70, each ended by a line break when there is more than one. */
  static String encodeBase64(byte[] bytes) {
    String encoded = Base64.getEncoder().encodeToString(bytes);
    final int lineLength = 70;
    int length = encoded.length();
    if (length / lineLength + 1 <= 1) return encoded;
    StringBuilder lines = new StringBuilder(length + length / lineLength + 1);
    for (int i = 0; i < length; i += lineLength) {
      lines.append(encoded, i, Math.min(length, i + lineLength)).append('\n');
    }
    return lines.toString();
  }
}
