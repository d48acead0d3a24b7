package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A body made from bytes and one made from the same Go string are the same body in every respect. */
class BodyTest {
  private static final byte[] BINARY = {0x00, 0x00, 0x01, (byte) 0x9f, (byte) 0xc3, 'h', 'i', (byte) 0xff};

  /** ASCII is checked eight bytes at a time: a byte that is not ASCII is found wherever it stands. */
  @Test
  void aByteThatIsNotAsciiIsDecodedWhereverItStands() {
    for (int length = 1; length <= 20; length++) {
      for (int at = 0; at < length; at++) {
        for (byte odd : new byte[] {(byte) 0xff, (byte) 0x80}) {
          byte[] bytes = "abcdefghijklmnopqrstu".substring(0, length).getBytes(StandardCharsets.US_ASCII);
          bytes[at] = odd;
          Body body = Body.of(bytes);
          assertFalse(body.isUtf8(), () -> java.util.Arrays.toString(bytes));
          assertArrayEquals(bytes, Body.ofGoString(body.goString()).bytes());
          assertEquals(Body.ofGoString(body.goString()).hashCode(), body.hashCode());
        }
      }
      byte[] ascii = "abcdefghijklmnopqrstu".substring(0, length).getBytes(StandardCharsets.US_ASCII);
      assertTrue(Body.of(ascii).isUtf8());
      assertEquals(new String(ascii, StandardCharsets.US_ASCII), Body.of(ascii).goString());
    }
  }

  @Test
  void bytesAndGoStringFormsAgree() {
    for (byte[] bytes : new byte[][] {"data: {\"x\":1}\n\n".getBytes(StandardCharsets.UTF_8),
        "héllo ✓ \uD83D\uDE00".getBytes(StandardCharsets.UTF_8), BINARY}) {
      Body fromBytes = Body.of(bytes);
      Body fromText = Body.ofGoString(Body.of(bytes).goString());
      assertEquals(fromBytes, fromText);
      assertEquals(fromText, fromBytes);
      assertEquals(fromBytes.hashCode(), fromText.hashCode());
      assertArrayEquals(bytes, fromText.bytes());
      assertEquals(bytes.length, fromText.length());
      assertEquals(fromBytes.text(), fromText.text());
      assertEquals(fromBytes.isUtf8(), fromText.isUtf8());
    }
  }

  @Test
  void binaryIsNotUtf8AndItsTextReplacesBadBytes() {
    Body body = Body.ofGoString(Body.of(BINARY).goString());
    assertFalse(body.isUtf8());
    assertEquals(new String(BINARY, StandardCharsets.UTF_8), body.text());
    assertTrue(Body.ofGoString("plain").isUtf8());
  }

  @Test
  void emptinessAndDifferences() {
    assertTrue(Body.ofGoString("").isEmpty());
    assertTrue(Body.of(new byte[0]).isEmpty());
    assertFalse(Body.ofGoString("x").isEmpty());
    assertNotEquals(Body.ofGoString("a"), Body.ofText("b"));
    assertNotEquals(Body.ofGoString("a"), Body.ofGoString("b"));
  }

  @Test
  void bytesAreCopiedInAndOut() {
    byte[] bytes = {'a', 'b'};
    Body body = Body.of(bytes);
    bytes[0] = 'z';
    assertEquals("ab", body.text());
    body.bytes()[1] = 'z';
    assertEquals("ab", body.text());
  }

  /** Over 1 MiB a body keeps one form, so both must still answer alike: sizes, UTF-8, text and bytes. */
  @Test
  void largeBodiesAnswerAlikeInEitherForm() {
    String text = "data: {\"delta\":\"h\u00e9llo \u2713 \uD83D\uDE00\"}\n\n".repeat(40_000);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] invalid = utf8.clone();
    invalid[invalid.length - 3] = (byte) 0xff;
    for (byte[] bytes : new byte[][] {utf8, invalid}) {
      assertTrue(bytes.length > Body.KEEP_BOTH_FORMS_UP_TO);
      Body fromBytes = Body.wrap(bytes.clone());
      Body fromText = Body.ofGoString(GoString.decode(bytes));
      for (Body body : new Body[] {fromBytes, fromText}) {
        assertEquals(bytes.length, body.length());
        assertEquals(bytes == utf8, body.isUtf8());
        assertArrayEquals(bytes, body.bytes());
        assertArrayEquals(bytes, body.bytes(), "asked twice, computed twice, the same");
      }
      assertEquals(fromBytes, fromText);
      assertEquals(fromBytes.goString(), fromText.goString());
    }
  }

  @Test
  void wrapTakesTheArrayOverWithoutACopy() {
    byte[] bytes = "owned".getBytes(StandardCharsets.UTF_8);
    Body body = Body.wrap(bytes);
    bytes[0] = 'O';
    assertEquals("Owned", body.text(), "the array is the body's own: callers hand it over");
    assertEquals(Body.empty(), Body.wrap(new byte[0]));
  }

  @Test
  void decodingEscapesBadBytesAlsoWhereTheTextHoldsARealReplacementCharacter() {
    byte[] bytes = "a\uFFFDb".getBytes(StandardCharsets.UTF_8);
    assertEquals("a\uFFFDb", GoString.decode(bytes), "a real U+FFFD is kept as it is");
    byte[] bad = {'a', (byte) 0xff, 'b'};
    assertEquals("a\uDCFFb", GoString.decode(bad));
    assertFalse(GoString.isValidUtf8(bad));
    assertTrue(GoString.isValidUtf8(bytes));
  }
}
