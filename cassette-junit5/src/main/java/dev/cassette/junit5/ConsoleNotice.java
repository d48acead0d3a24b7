package dev.cassette.junit5;

import java.io.PrintStream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tells the user something the extension did on its own, such as keeping a failed test's recording,
 * where the user will see it. A JUnit report entry alone is not enough: Maven Surefire shows none on
 * the console, only what the test JVM prints. So each notice is printed to {@code System.err}, which
 * Surefire, IDEs and Gradle (with {@code testLogging.showStandardStreams}) show beside the test, and
 * published as a report entry as well, which IDEs and XML reports keep with the test.
 */
final class ConsoleNotice {
  /** The report entry's key, and the prefix of every printed line: whose words these are. */
  static final String KEY = "cassette";

  private ConsoleNotice() {}

  static void give(ExtensionContext context, String text) {
    context.publishReportEntry(KEY, text);
    // Looked up on every notice, not kept: Surefire and IDEs replace System.err to capture a test's output.
    PrintStream err = System.err;
    StringBuilder printed = new StringBuilder();
    text.lines().forEach(line -> printed.append('[').append(KEY).append("] ").append(line).append('\n'));
    err.print(printed);
    err.flush();
  }
}
