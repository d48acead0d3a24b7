package dev.cassette.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lossless conversion between Go strings (arbitrary bytes) and Java strings.
 *
 * <p>A cassette's strings are Go strings, and some are not valid UTF-8: Bedrock's binary event
 * streams, a header value with a stray byte. Go's YAML library writes those as {@code !!binary}. To
 * keep such values exact in a {@link Multimap} or a URL without a byte-array type everywhere, each byte
 * that is not part of a valid UTF-8 sequence is carried as the lone surrogate {@code U+DC80 + byte}
 * (the "surrogateescape" scheme Python uses for file names). Valid UTF-8 never decodes to a lone
 * surrogate, so the mapping is a bijection, and {@link #isValidUtf8(String)} tells which strings Go
 * would see as invalid.
 */
public final class GoString {
  private GoString() {}

  /** Decodes bytes, escaping each byte that is not part of valid UTF-8. */
  public static String decode(byte[] bytes) {
    // The lenient decoder builds the string at once, a byte per character for ASCII; a strict
    // CharsetDecoder first fills a char buffer as long as the input, twice the memory of a large body.
    // Only text holding U+FFFD, where the lenient one may have replaced a bad byte, needs a second look.
    String lenient = new String(bytes, StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) return lenient;
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return decodeEscaping(bytes);
    }
  }

  /** Encodes a string back to the exact bytes {@link #decode(byte[])} read. */
  public static byte[] encode(String text) {
    if (isValidUtf8(text)) return text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(text.length() * 4);
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isEscapedByte(text, i)) {
        out.put(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
        out.put((byte) (c - 0xDC00));
        start = i + 1;
      }
    }
    out.put(text.substring(start).getBytes(StandardCharsets.UTF_8));
    byte[] result = new byte[out.position()];
    out.flip().get(result);
    return result;
  }

  /** True when the bytes are valid UTF-8; reads them in place, allocating nothing in proportion. */
  public static boolean isValidUtf8(byte[] bytes) {
    int i = 0;
    while (i < bytes.length && bytes[i] >= 0) i++;
    if (i == bytes.length) return true;
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, i, bytes.length - i);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      var result = decoder.decode(in, out, true);
      if (result.isError()) return false;
      if (result.isUnderflow()) return true;
      out.clear();
    }
  }

  /** True when the string holds no escaped byte, so Go would see it as valid UTF-8. */
  public static boolean isValidUtf8(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isEscapedByte(String text, int i) {
    char c = text.charAt(i);
    if (c < 0xDC80 || c > 0xDCFF) return false;
    return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
  }

  private static String decodeEscaping(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
    while (in.hasRemaining()) {
      var result = decoder.decode(in, chars, true);
      chars.flip();
      out.append(chars);
      chars.clear();
      if (result.isError()) {
        for (int k = 0; k < result.length(); k++) {
          out.append((char) (0xDC00 + (in.get() & 0xFF)));
        }
      } else if (result.isUnderflow()) {
        break;
      }
    }
    return out.toString();
  }
}
