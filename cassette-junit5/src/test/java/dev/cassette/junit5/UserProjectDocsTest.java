package dev.cassette.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The poms and code the README and docs/dependencies.md show for a user's project are those of the
 * projects under {@code compat/}, which CI builds on the installed artifacts. Indentation may differ.
 */
class UserProjectDocsTest {
  private static final Path COMPAT = Path.of("../compat");
  private static final Path README = Path.of("../README.md");
  private static final Path GUIDE = Path.of("../docs/dependencies.md");

  @Test
  void readmesPomIsTheQuickstartProjectWhole() throws IOException {
    assumeTrue(Files.isDirectory(COMPAT) && Files.exists(README), "not in a checkout");
    String pom = Files.readString(COMPAT.resolve("quickstart/pom.xml"));
    assertTrue(blocks(README, "xml").contains(pom), "README's pom is not compat/quickstart/pom.xml:\n" + pom);
  }

  @Test
  void readmesTestIsTheQuickstartTestWhole() throws IOException {
    assumeTrue(Files.isDirectory(COMPAT) && Files.exists(README), "not in a checkout");
    String test = Files.readString(COMPAT.resolve("quickstart/src/test/java/com/example/GreetingTest.java"));
    assertTrue(blocks(README, "java").contains(test), "README's test is not the quickstart test:\n" + test);
  }

  @Test
  void everyPomBlockOfTheGuideIsInAUserProject() throws IOException {
    assumeTrue(Files.isDirectory(COMPAT) && Files.exists(GUIDE), "not in a checkout");
    String poms = unindented(sources("pom.xml"));
    List<String> blocks = blocks(GUIDE, "xml");
    assertEquals(3, blocks.size(), "one pom per SDK");
    for (String block : blocks) assertTrue(poms.contains(unindented(block)), "in no compat pom:\n" + block);
  }

  @Test
  void everyJavaBlockOfTheGuideIsInAUserProjectsTests() throws IOException {
    assumeTrue(Files.isDirectory(COMPAT) && Files.exists(GUIDE), "not in a checkout");
    String tests = unindented(sources(".java"));
    List<String> blocks = blocks(GUIDE, "java");
    assertFalse(blocks.isEmpty());
    for (String block : blocks) assertTrue(tests.contains(unindented(block)), "in no compat test:\n" + block);
  }

  private static List<String> blocks(Path markdown, String language) throws IOException {
    Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(markdown));
    List<String> found = new ArrayList<>();
    while (block.find()) found.add(block.group(1));
    return found;
  }

  /** Every compat file whose name ends with {@code suffix}, build output aside. */
  private static String sources(String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(COMPAT)) {
      return files.filter(f -> f.toString().endsWith(suffix) && !f.toString().contains("/target/"))
          .map(UserProjectDocsTest::read)
          .collect(Collectors.joining("\n"));
    }
  }

  private static String unindented(String text) {
    return text.lines().map(String::strip).collect(Collectors.joining("\n"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
