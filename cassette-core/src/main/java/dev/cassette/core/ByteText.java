package dev.cassette.core;

/**
 * A body's bytes seen as Latin-1 characters, one per byte, without copying: rules whose patterns are
 * ASCII search a large body in place, and a match's offsets are byte offsets.
 */
final class ByteText implements CharSequence {
  private final byte[] bytes;
  private final int start;
  private final int end;

  ByteText(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  private ByteText(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.start = start;
    this.end = end;
  }

  @Override
  public int length() {
    return end - start;
  }

  @Override
  public char charAt(int index) {
    return (char) (bytes[start + index] & 0xFF);
  }

  @Override
  public CharSequence subSequence(int from, int to) {
    return new ByteText(bytes, start + from, start + to);
  }

  @Override
  public String toString() {
    return new String(bytes, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
