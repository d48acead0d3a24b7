package dev.cassette.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The recipes record with a fake key, "sk-live": it must not reach the file under default redaction. */
final class NoKeyInCassette {
  private NoKeyInCassette() {}

  static void check(Path cassette) throws IOException {
    String text = Files.readString(cassette);
    assertTrue(text.contains("interactions:\n- id: 0"), "something was recorded:\n" + text);
    assertFalse(text.contains("sk-live"), text);
  }
}
