package dev.cassette.junit5;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java block in the JUnit 5 guide is code that compiles and runs in this module's tests, or in the
 * users' projects under {@code compat/} that CI builds on the installed artifacts.
 */
class DocsTest {
  private static final Path GUIDE = Path.of("../docs/junit5.md");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

  @Test
  void javaBlocksAreCopiedFromTheTests() throws IOException {
    assumeTrue(Files.exists(GUIDE), "the guide has moved: " + GUIDE.toAbsolutePath());
    String tests = javaSources(Path.of("src/test/java")) + "\n" + javaSources(Path.of("../compat"));
    List<String> blocks = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(Files.readString(GUIDE));
    while (block.find()) blocks.add(block.group(1));
    assertFalse(blocks.isEmpty());
    for (String code : blocks) {
      assertTrue(tests.contains(code), "not in the tests:\n" + code);
    }
  }

  private static String javaSources(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return "";
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .map(DocsTest::read)
          .collect(Collectors.joining("\n"));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
