package dev.cassette.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An HTTP body as exact bytes, with a UTF-8 text view.
 *
 * <p>Bodies are bytes, not text, because a cassette must replay exactly what the server sent: an AWS
 * event stream or a gzip payload is not valid UTF-8 and must survive a load and save untouched.
 *
 * <p>A body keeps whichever form it was made from: bytes when recorded, a {@link GoString} when read
 * from a cassette. The other form is computed on first use and kept, so that loading and saving a
 * cassette never converts a body it does not look at, and a replay converts each body once. Except for
 * bodies over {@link #KEEP_BOTH_FORMS_UP_TO} bytes: keeping both forms of a 200 MB stream would double
 * what it takes in memory, so those compute the other form each time it is asked for, and answer
 * {@link #length()} and {@link #isUtf8()} without computing it.
 */
public final class Body {
  /** The largest body that keeps both its forms once both were computed. */
  static final int KEEP_BOTH_FORMS_UP_TO = 1 << 20;

  private static final Body EMPTY = new Body(new byte[0], "");

  // At least one is set. The other is filled in lazily; threads racing to do so compute equal values,
  // and volatile makes the array's content visible with its reference.
  private volatile byte[] bytes;
  private volatile String goString;
  /**
   * Whether the bytes are valid UTF-8: 0 until known, then 1 (valid) or 2. Redaction and matching ask
   * for every live request, and the answer would otherwise be a scan of the whole text each time.
   */
  private int utf8;
  /** {@link #hashCode()}, 0 until computed: bodies are index keys, looked up once per replayed request. */
  private int hash;

  private Body(byte[] bytes, String goString) {
    this.bytes = bytes;
    this.goString = goString;
  }

  /** The empty body. */
  public static Body empty() {
    return EMPTY;
  }

  /** A body holding a copy of these bytes. */
  public static Body of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Body(bytes.clone(), null);
  }

  /**
   * A body holding these very bytes, without the copy {@link #of} makes: for a large body just read or
   * recorded into an array nobody else holds, which would otherwise be in memory twice. The caller
   * hands the array over and must not change it afterwards.
   */
  public static Body wrap(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Body(bytes, null);
  }

  /** A body holding the UTF-8 encoding of this text. */
  public static Body ofText(String text) {
    return text.isEmpty() ? EMPTY : new Body(text.getBytes(StandardCharsets.UTF_8), null);
  }

  /**
   * A body holding the bytes of a Go string as {@link GoString} escapes them: the inverse of
   * {@link #goString()}.
   */
  public static Body ofGoString(String text) {
    return text.isEmpty() ? EMPTY : new Body(null, text);
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return exactBytes().clone();
  }

  private byte[] exactBytes() {
    byte[] b = bytes;
    if (b == null) {
      b = GoString.encode(goString);
      if (b.length <= KEEP_BOTH_FORMS_UP_TO) bytes = b;
    }
    return b;
  }

  /**
   * The bytes themselves when the body was made from bytes, else null; not a copy, so callers only
   * read them. Redaction scans a recorded body in place through this, without decoding it.
   */
  byte[] bytesIfHeld() {
    return bytes;
  }

  /** The Go string itself when the body was made from one (read from a cassette), else null. */
  String goStringIfHeld() {
    return goString;
  }

  /** The number of bytes. */
  public int length() {
    byte[] b = bytes;
    if (b != null) return b.length;
    String s = goString;
    if (s.length() > KEEP_BOTH_FORMS_UP_TO && GoString.isValidUtf8(s)) return utf8Length(s);
    return exactBytes().length;
  }

  /** The UTF-8 length of a string without lone surrogates. */
  private static int utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) n++;
      else if (c < 0x800) n += 2;
      else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else n += 3;
    }
    return Math.toIntExact(n);
  }

  public boolean isEmpty() {
    byte[] b = bytes;
    return b != null ? b.length == 0 : goString.isEmpty();
  }

  /** The bytes decoded as UTF-8, malformed input replaced by U+FFFD. */
  public String text() {
    return isUtf8() ? goString() : new String(exactBytes(), StandardCharsets.UTF_8);
  }

  /** The bytes as a lossless Go string (see {@link GoString}). */
  public String goString() {
    String s = goString;
    if (s == null) {
      byte[] b = bytes;
      s = GoString.decode(b);
      if (b.length <= KEEP_BOTH_FORMS_UP_TO) goString = s;
    }
    return s;
  }

  /** True when the bytes are valid UTF-8, so a cassette can hold them as plain text. */
  public boolean isUtf8() {
    int known = utf8;
    if (known == 0) {
      String s = goString;
      known = (s != null ? GoString.isValidUtf8(s) : GoString.isValidUtf8(bytes)) ? 1 : 2;
      utf8 = known;
    }
    return known == 1;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) return true;
    if (!(other instanceof Body b)) return false;
    // GoString's mapping is a bijection: equal strings are equal bytes.
    String mine = goString;
    String theirs = b.goString;
    if (mine != null && theirs != null) return mine.equals(theirs);
    return Arrays.equals(exactBytes(), b.exactBytes());
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = hash(exactBytes());
      hash = h;
    }
    return h;
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * A hash of every byte, eight at a time: a live request's body is hashed once per replay to find its
   * recorded twin, and {@link Arrays#hashCode(byte[])}, a byte at a time, was a tenth of a replay's
   * time for a 900-byte body.
   */
  private static int hash(byte[] bytes) {
    long h = bytes.length;
    int i = 0;
    for (; i + 8 <= bytes.length; i += 8) h = (h ^ (long) LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L;
    for (; i < bytes.length; i++) h = (h ^ bytes[i]) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  @Override
  public String toString() {
    return "Body(" + length() + " bytes)";
  }
}
