package dev.cassette.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An HTTP body as exact bytes, with a UTF-8 text view.
 *
 * <p>Bodies are bytes, not text, because a cassette must replay exactly what the server sent: an AWS
 * event stream or a gzip payload is not valid UTF-8 and must survive a load and save untouched.
 */
public final class Body {
  private static final Body EMPTY = new Body(new byte[0]);

  private final byte[] bytes;

  private Body(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The empty body. */
  public static Body empty() {
    return EMPTY;
  }

  /** A body holding a copy of these bytes. */
  public static Body of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Body(bytes.clone());
  }

  /** A body holding the UTF-8 encoding of this text. */
  public static Body ofText(String text) {
    return text.isEmpty() ? EMPTY : new Body(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A body holding the bytes of a Go string as {@link GoString} escapes them: the inverse of
   * {@link #goString()}.
   */
  public static Body ofGoString(String text) {
    return text.isEmpty() ? EMPTY : new Body(GoString.encode(text));
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The number of bytes. */
  public int length() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** The bytes decoded as UTF-8, malformed input replaced by U+FFFD. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The bytes as a lossless Go string (see {@link GoString}). */
  public String goString() {
    return GoString.decode(bytes);
  }

  /** True when the bytes are valid UTF-8, so a cassette can hold them as plain text. */
  public boolean isUtf8() {
    return GoString.isValidUtf8(goString());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Body b && Arrays.equals(bytes, b.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Body(" + bytes.length + " bytes)";
  }
}
