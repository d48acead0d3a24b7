package dev.cassette.junit5;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What the code run by {@link #during} printed to {@code System.err}, which is where Surefire, unlike
 * for JUnit report entries, shows it on the console. The printed text still reaches the real stream.
 */
final class ConsoleCapture {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  <T> T during(Supplier<T> action) {
    PrintStream original = System.err;
    PrintStream tee = new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        captured.write(b);
        original.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        captured.write(bytes, offset, length);
        original.write(bytes, offset, length);
      }
    }, true, StandardCharsets.UTF_8);
    System.setErr(tee);
    try {
      return action.get();
    } finally {
      System.setErr(original);
    }
  }

  String stderr() {
    return captured.toString(StandardCharsets.UTF_8);
  }
}
