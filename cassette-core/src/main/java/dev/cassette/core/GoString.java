package dev.cassette.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    // Most bodies and headers are ASCII: one pass to check, and the JDK's fastest String constructor.
    if (isAscii(bytes)) return new String(bytes, StandardCharsets.ISO_8859_1);
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

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** True when no byte has its high bit set; eight bytes at a time. */
  static boolean isAscii(byte[] bytes) {
    int i = 0;
    for (; i + 8 <= bytes.length; i += 8) {
      if (((long) LONGS.get(bytes, i) & 0x8080808080808080L) != 0) return false;
    }
    for (; i < bytes.length; i++) {
      if (bytes[i] < 0) return false;
    }
    return true;
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
