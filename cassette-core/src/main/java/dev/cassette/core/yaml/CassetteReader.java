package dev.cassette.core.yaml;

import dev.cassette.core.Cassette;
import dev.cassette.core.CassetteFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads go-vcr v2 cassettes (see {@code FORMAT.md}) with the decoding rules of Go's YAML library, so
 * that every file go-vcr reads is read here to the same values.
 *
 * <p>Every problem with the input, from invalid UTF-8 to a misspelt key, is a
 * {@link CassetteFormatException} naming the source, line and column; nothing else escapes for any
 * input. Stricter than Go where Go is silently lossy: unknown keys, anchors and aliases, and more than
 * one document are refused.
 *
 * <p>Immutable and thread-safe. Inputs larger than {@link #maxBytes()} are refused before they are
 * parsed, so that a stray multi-gigabyte file fails fast instead of exhausting the heap. The limit is
 * {@link #DEFAULT_MAX_BYTES} unless the system property {@value #MAX_BYTES_PROPERTY} (e.g.
 * {@code -Dcassette.maxBytes=256m}) or {@link #withMaxBytes} sets another.
 */
public final class CassetteReader {
  /** 64 MiB: far above any real cassette (the largest in the fantasy corpus is 171 KB). */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  /**
   * The system property that sets the default limit for every reader made with {@link #CassetteReader()}
   * (so also {@code Cassette.load} and the command line): bytes, or a number with {@code k}, {@code m}
   * or {@code g} (binary multiples, as {@code -Xmx}), e.g. {@code 256m}.
   */
  public static final String MAX_BYTES_PROPERTY = "cassette.maxBytes";

  /** Java arrays cannot be larger, and the stream path reads one byte past the limit. */
  private static final long LARGEST_LIMIT = Integer.MAX_VALUE - 16;

  /**
   * snakeyaml's reader refills its window one buffer at a time and copies what is left on each refill,
   * which costs quadratic time on the long lines of SSE bodies when the buffer is small (its default is
   * 1 KiB). Text held in memory is best read in few, large refills.
   */
  private static final int SMALLEST_BUFFER = 8 * 1024;
  /** Buffers grow in powers of two up to this; the reader allocates its buffer for every input. */
  private static final int LARGEST_BUFFER = 64 * 1024;

  /** Built once: {@code Cassette.load} and {@code Cassette.parse} make a default reader per call. */
  private static final LoadSettings[] DEFAULT_SETTINGS = settingsBySize(DEFAULT_MAX_BYTES);

  /** Files larger than this have their large bodies cut out before parsing (see {@link LargeBodies}). */
  private static final long LARGE_FILE = 8L << 20;
  /** The size from which a body is cut out of a large file. */
  private static final int LARGE_BODY = 1 << 20;

  private final long maxBytes;
  /** Settings with buffers of 8, 16, 32 and 64 KiB. */
  private final LoadSettings[] settingsBySize;
  private final long largeFile;
  private final int largeBody;

  /**
   * A reader with the default size limit: {@value #MAX_BYTES_PROPERTY} when that system property is
   * set, else {@link #DEFAULT_MAX_BYTES}.
   *
   * @throws IllegalArgumentException when the property is set to something that is not a size
   */
  public CassetteReader() {
    this(defaultMaxBytes());
  }

  private CassetteReader(long maxBytes) {
    this(maxBytes, maxBytes == DEFAULT_MAX_BYTES ? DEFAULT_SETTINGS : settingsBySize(checkLimit(maxBytes)));
  }

  /** The limit a reader made with {@link #CassetteReader()} has now. */
  public static long defaultMaxBytes() {
    String value = System.getProperty(MAX_BYTES_PROPERTY);
    if (value == null || value.isBlank()) return DEFAULT_MAX_BYTES;
    try {
      return checkLimit(parseSize(value.strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the system property " + MAX_BYTES_PROPERTY + "=" + value
          + " is not a cassette size limit: give bytes, or a number with k, m or g, from 1 to "
          + LARGEST_LIMIT + " bytes, e.g. -D" + MAX_BYTES_PROPERTY + "=256m", e);
    }
  }

  private static long parseSize(String text) {
    char unit = Character.toLowerCase(text.charAt(text.length() - 1));
    int shift = switch (unit) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      default -> 0;
    };
    long number = Long.parseLong(shift == 0 ? text : text.substring(0, text.length() - 1));
    if (number > LARGEST_LIMIT >> shift) throw new IllegalArgumentException("too large: " + text);
    return number << shift;
  }

  private static long checkLimit(long maxBytes) {
    if (maxBytes < 1 || maxBytes > LARGEST_LIMIT) {
      throw new IllegalArgumentException("maxBytes must be between 1 and " + LARGEST_LIMIT + ": " + maxBytes);
    }
    return maxBytes;
  }

  private CassetteReader(long maxBytes, LoadSettings[] settingsBySize) {
    this(maxBytes, settingsBySize, LARGE_FILE, LARGE_BODY);
  }

  private CassetteReader(long maxBytes, LoadSettings[] settingsBySize, long largeFile, int largeBody) {
    this.maxBytes = maxBytes;
    this.settingsBySize = settingsBySize;
    this.largeFile = largeFile;
    this.largeBody = largeBody;
  }

  /** For tests: a reader that cuts bodies from files and sizes as small as these. */
  CassetteReader cuttingLargeBodies(long fromFileBytes, int fromBodyBytes) {
    return new CassetteReader(maxBytes, settingsBySize, fromFileBytes, fromBodyBytes);
  }

  private static LoadSettings[] settingsBySize(long maxBytes) {
    List<LoadSettings> settings = new ArrayList<>();
    for (int size = SMALLEST_BUFFER; size <= LARGEST_BUFFER; size *= 2) settings.add(settings(maxBytes, size));
    return settings.toArray(new LoadSettings[0]);
  }

  /** The smallest buffer that reads the text in one refill, up to the largest. */
  private LoadSettings settingsFor(String text) {
    int i = 0;
    for (int size = SMALLEST_BUFFER; size <= text.length() && i < settingsBySize.length - 1; size *= 2) i++;
    return settingsBySize[i];
  }

  private static LoadSettings settings(long maxBytes, int bufferSize) {
    // The code point limit guards snakeyaml's own reader; ours is the byte limit, checked first and
    // never smaller, since UTF-8 needs at least one byte per code point.
    return LoadSettings.builder()
        .setCodePointLimit((int) maxBytes)
        .setBufferSize(bufferSize)
        .setUseMarks(true)
        .setParseComments(false)
        // Keys that are not scalars are reported by the decoder, which knows where they are.
        .setAllowNonScalarKeys(true)
        .setSchema(new UntypedSchema())
        .build();
  }

  /**
   * A reader that refuses inputs over {@code maxBytes} bytes.
   *
   * @throws IllegalArgumentException unless 1 &lt;= maxBytes &lt;= about 2 GiB
   */
  public CassetteReader withMaxBytes(long maxBytes) {
    return new CassetteReader(checkLimit(maxBytes));
  }

  /** The largest input, in bytes, this reader accepts. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Reads a cassette file; errors name the path as given.
   *
   * @throws CassetteFormatException when the file is not a valid version 2 cassette
   * @throws IOException when the file cannot be read
   */
  public Cassette read(Path file) throws IOException {
    return read(file, true);
  }

  /**
   * Checks a cassette file as {@link #read(Path)} does, with the same errors, without keeping what it
   * holds: each interaction is dropped once it is decoded, so that checking a file takes little more
   * heap than the file itself, however many interactions it has ({@code cassette check}).
   *
   * @throws CassetteFormatException when the file is not a valid version 2 cassette
   * @throws IOException when the file cannot be read
   */
  public void validate(Path file) throws IOException {
    read(file, false);
  }

  private Cassette read(Path file, boolean keepInteractions) throws IOException {
    String source = file.toString();
    long size = Files.size(file);
    if (size > maxBytes) throw tooLarge(source, size + " bytes", size);
    if (size > largeFile) return readLarge(file, source, keepInteractions);
    // The bytes are held by no variable here, so that they can go once decoded: a large cassette is
    // then never in memory twice while it is parsed.
    return parse(stripByteOrderMark(readText(file, source)), new Source(source), null, keepInteractions);
  }

  private String readText(Path file, String source) throws IOException {
    return utf8(readBytes(file, source), source);
  }

  private byte[] readBytes(Path file, String source) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length > maxBytes) throw tooLarge(source, bytes.length + " bytes", bytes.length);
    return bytes;
  }

  /**
   * Reads a large file with its large bodies cut out first (see {@link LargeBodies}), so that a 200 MB
   * body takes about twice its size in memory rather than six times.
   */
  private Cassette readLarge(Path file, String source, boolean keepInteractions) throws IOException {
    byte[] bytes = readBytes(file, source);
    LargeBodies cut = LargeBodies.cut(bytes, largeBody);
    if (cut == null) {
      String text = utf8(bytes, source);
      bytes = null; // not needed while the text is parsed
      return parse(stripByteOrderMark(text), new Source(source), null, keepInteractions);
    }
    bytes = null;
    Cassette cassette = parseCut(cut, source, keepInteractions);
    // Not confirmed: read the file the ordinary way, which also reports what, if anything, is wrong.
    if (cassette != null) return cassette;
    return parse(stripByteOrderMark(readText(file, source)), new Source(source), null, keepInteractions);
  }

  /** The cassette read from a cut text, or null when the decoder did not confirm every cut. */
  private Cassette parseCut(LargeBodies cut, String source, boolean keepInteractions) {
    try {
      Cassette cassette =
          parse(stripByteOrderMark(utf8(cut.rest(), source)), new Source(source), cut, keepInteractions);
      return cassette != null && cut.allClaimed() ? cassette : null;
    } catch (CassetteFormatException e) {
      // What looked like a block header may have been inside a quoted string, and the cut broke it.
      return null;
    }
  }

  /** For tests: reads with every body over the threshold cut; null when none was, or not confirmed. */
  Cassette readCuttingLargeBodies(Path file, String source) throws IOException {
    LargeBodies cut = LargeBodies.cut(readBytes(file, source), largeBody);
    return cut == null ? null : parseCut(cut, source, true);
  }

  /**
   * Reads a cassette from a stream, which is read to its end (or just past the size limit) and not
   * closed.
   *
   * @param source names the input in error messages
   */
  public Cassette read(InputStream in, String source) throws IOException {
    byte[] bytes = in.readNBytes((int) maxBytes + 1);
    if (bytes.length > maxBytes) throw tooLarge(source, "more than " + maxBytes + " bytes", maxBytes + 1);
    return read(bytes, source);
  }

  /** Reads a cassette from YAML text. */
  public Cassette read(String yaml, String source) {
    if (yaml.length() > maxBytes) {
      throw tooLarge(source, "at least " + yaml.length() + " bytes", yaml.length());
    }
    if ((long) yaml.length() * 3 > maxBytes) {
      long size = utf8Length(yaml);
      if (size > maxBytes) throw tooLarge(source, size + " bytes", size);
    }
    return parse(stripByteOrderMark(yaml), new Source(source), null, true);
  }

  private Cassette read(byte[] bytes, String source) {
    return parse(stripByteOrderMark(utf8(bytes, source)), new Source(source), null, true);
  }

  /**
   * @param largeBodies bodies cut out of the text before, or null
   * @return the cassette; null when bodies were cut and the text had to be parsed again, which the
   *     cut bodies, claimed by the first attempt, cannot follow (the caller then reads it uncut)
   */
  private Cassette parse(String original, Source source, LargeBodies largeBodies, boolean keepInteractions) {
    String text = original; // as Go reads it
    // Go reads U+2028 and U+2029 as line breaks; snakeyaml sees Go's structure when given them as such.
    boolean separatorsAsBreaks = LineSeparators.present(text);
    Optional<Node> root;
    CassetteDecoder decoder;
    while (true) {
      // Interactions are decoded while the document is composed, so each attempt decodes afresh.
      decoder = new CassetteDecoder(source, new LineSeparators(text, separatorsAsBreaks), largeBodies,
          keepInteractions);
      try {
        root = compose(separatorsAsBreaks ? LineSeparators.asBreaks(text) : text, source, separatorsAsBreaks,
            decoder);
        break;
      } catch (YamlEngineException e) {
        // Each retry replaces at least one escape, so this loop ends.
        Optional<String> unescaped = e instanceof ScannerException scanner
            ? SeparatorEscapes.rewrite(text, scanner) : Optional.empty();
        if (unescaped.isEmpty()) throw problem(source, e, text);
        if (largeBodies != null) return null;
        text = unescaped.get();
      }
    }
    if (root.isEmpty()) {
      throw source.problem(1, 1, "the input is empty; expected a go-vcr cassette: '---', 'version: 2' and"
          + " 'interactions'", null);
    }
    // Neither text is needed from here on.
    text = null;
    original = null;
    return decoder.decode(root.get());
  }

  /**
   * Composes one document, handing its interactions to the decoder as they are composed (see
   * {@link StreamingComposer}); snakeyaml's exceptions escape, ours too.
   */
  private Optional<Node> compose(String text, Source source, boolean keepEndMarks, CassetteDecoder decoder) {
    LoadSettings settings = settingsFor(text);
    StreamReader reader = new StreamReader(settings, text);
    Composer composer = new StreamingComposer(settings,
        new GuardedParser(new ParserImpl(settings, reader), source, keepEndMarks), decoder);
    return composer.getSingleNode();
  }

  private static CassetteFormatException problem(Source source, YamlEngineException e, String text) {
    if (e instanceof MarkedYamlEngineException marked) return notYaml(source, marked);
    if (e instanceof ReaderException reader) {
      int[] place = lineAndColumn(text, reader.getPosition());
      return source.problem(place[0], place[1], "not valid YAML: " + readerProblem(reader), e);
    }
    return source.problem(0, 0, "not valid YAML: " + e.getMessage(), e);
  }

  private static CassetteFormatException notYaml(Source source, MarkedYamlEngineException e) {
    StringBuilder problem = new StringBuilder("not valid YAML: ").append(e.getProblem());
    Optional<Mark> context = e.getContextMark();
    if (e.getContext() != null && !e.getContext().isEmpty()) {
      problem.append(" (").append(e.getContext());
      context.ifPresent(m -> problem.append(" at line ").append(m.getLine() + 1)
          .append(", column ").append(m.getColumn() + 1));
      problem.append(')');
    }
    problem.append("; check the indentation, quoting and brackets here");
    Optional<Mark> mark = e.getProblemMark().or(() -> context);
    if (mark.isEmpty()) return source.problem(0, 0, problem.toString(), e);
    return source.problem(mark.get().getLine() + 1, mark.get().getColumn() + 1, problem.toString(), e);
  }

  private static String readerProblem(ReaderException e) {
    int codePoint = e.getCodePoint();
    return String.format("the character U+%04X is not allowed in YAML; write it as an escape"
        + " (\"\\u%04X\") inside a double-quoted string", codePoint, codePoint);
  }

  /** @param atLeast the input's size, or a lower bound of it */
  private CassetteFormatException tooLarge(String source, String size, long atLeast) {
    // A limit that reads this input, in whole MiB with room to grow: what the message suggests.
    long suggestion = Math.min(LARGEST_LIMIT >> 20, Math.max(atLeast, maxBytes * 2) / (1 << 20) + 1);
    return new CassetteFormatException(source, 0, 0, "the input is " + size + ", over the limit of "
        + maxBytes + " bytes for a cassette; to read it, raise the limit: -D" + MAX_BYTES_PROPERTY + "="
        + suggestion + "m for the whole JVM (tests; the command line reads JDK_JAVA_OPTIONS), or"
        + " Recorder.builder(file).maxCassetteBytes(n), or new CassetteReader().withMaxBytes(n)");
  }

  /** Decodes strict UTF-8, as Go's YAML library requires; a bad byte is reported where it is. */
  private static String utf8(byte[] bytes, String sourceName) {
    // The lenient decoder is much faster; only text holding U+FFFD, which is where it replaced a bad
    // byte (or the file really holds one), needs the strict check.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) return text;
    int offset = firstBadByte(bytes);
    if (offset < 0) return text;
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    int column = before.codePointCount(0, before.length()) + 1;
    throw new CassetteFormatException(sourceName, line, column, String.format("not UTF-8: found the"
        + " byte 0x%02X; a cassette is UTF-8 text, and bytes that are not UTF-8 belong in a !!binary"
        + " (base64) value", bytes[offset] & 0xFF));
  }

  private static int firstBadByte(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) return in.position();
      if (result.isUnderflow()) return -1;
      out.clear();
    }
  }

  private static String stripByteOrderMark(String text) {
    return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
  }

  private static long utf8Length(String text) {
    long length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) length++;
      else if (c < 0x800) length += 2;
      else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        length += 4;
        i++;
      } else length += 3;
    }
    return length;
  }

  /** The 1-based line and column of a code point index, as snakeyaml's reader counts them. */
  private static int[] lineAndColumn(String text, int codePointIndex) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < codePointIndex; seen++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
