package dev.cassette.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Cassette;
import dev.cassette.core.CassetteFormatException;
import dev.cassette.core.SharedFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutates real cassettes and checks that every result either loads, saves and reads back as itself, or
 * fails with a {@link CassetteFormatException} naming the source: never another exception or error. Deterministic
 * (fixed seed), over the repository's fixtures so it runs everywhere.
 */
class ReaderFuzzTest {
  private static final long SEED = 0x5EED_CA55L;
  /** Raise it for a deeper run: {@code mvn test -Dtest=ReaderFuzzTest -Dcassette.fuzz.cases=100000}. */
  private static final int CASES = Integer.getInteger("cassette.fuzz.cases", 3000);
  private static final String[] INDICATORS = {"&a ", "*a", "? ", "- ", ": ", "[", "{", "]", "}", "!",
      "!!binary ", "!!int ", "|", "|+", ">-", "%", "%YAML 1.1\n", "---\n", "...\n", "#", "'", "\"", "\t",
      ",", "<<: ", "\\L", "\u2028", "\u0085", "\uFEFF", "\u0000", "~", "0x", "-1", "1e999", "@", "`"};

  @Test
  void mutatedCassettesLoadOrFailWithAFormatError() throws IOException {
    List<byte[]> originals = new ArrayList<>();
    for (Path file : fixtures()) originals.add(head(Files.readAllBytes(file)));
    Random random = new Random(SEED);
    CassetteReader reader = new CassetteReader();
    List<String> failures = new ArrayList<>();
    int loaded = 0;
    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      byte[] original = originals.get(i % originals.size());
      StringBuilder how = new StringBuilder();
      byte[] mutated = mutate(original, random, how);
      String source = "case-" + i + ".yaml";
      try {
        Cassette cassette = reader.read(new ByteArrayInputStream(mutated), source);
        loaded++;
        // Whatever loads must also save, and read back as itself.
        Cassette again = reader.read(cassette.toYaml(), source + " saved");
        if (!again.equals(cassette)) failures.add(source + " (" + how + "): saved and read back, it differs");
      } catch (CassetteFormatException e) {
        refused++;
        if (!e.getMessage().startsWith(source + ":") || e.problem().isBlank()) {
          failures.add(source + " (" + how + "): unplaced message " + e.getMessage());
        }
      } catch (Throwable t) {
        failures.add(source + " (" + how + "): " + t);
      }
    }
    assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " failures");
    assertTrue(loaded > CASES / 20 && refused > CASES / 4, "loaded " + loaded + ", refused " + refused);
  }

  /** The first lines of a large fixture, so that each case stays fast; mutations hit them all alike. */
  private static byte[] head(byte[] bytes) {
    int end = Math.min(bytes.length, 24 * 1024);
    while (end < bytes.length && bytes[end - 1] != '\n') end++;
    return Arrays.copyOf(bytes, end);
  }

  private static List<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.walk(SharedFiles.fixtures())) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    }
  }

  private static byte[] mutate(byte[] original, Random random, StringBuilder how) {
    byte[] bytes = original;
    int rounds = 1 + random.nextInt(3);
    for (int r = 0; r < rounds; r++) bytes = mutateOnce(bytes, random, how);
    return bytes;
  }

  private static byte[] mutateOnce(byte[] bytes, Random random, StringBuilder how) {
    int kind = random.nextInt(9);
    how.append(kind).append(' ');
    switch (kind) {
      case 0: { // flip bytes
        byte[] copy = bytes.clone();
        for (int n = 1 + random.nextInt(4); n > 0 && copy.length > 0; n--) {
          copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
      }
      case 1: { // truncate
        return Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
      }
      case 2: case 3: case 4: { // delete, duplicate or swap lines
        List<String> lines = lines(bytes);
        if (lines.size() < 2) return bytes;
        int a = random.nextInt(lines.size());
        int b = random.nextInt(10) < 7 ? Math.min(lines.size() - 1, a + 1) : random.nextInt(lines.size());
        if (kind == 2) lines.remove(a);
        else if (kind == 3) lines.add(a, lines.get(a));
        else {
          String line = lines.get(a);
          lines.set(a, lines.get(b));
          lines.set(b, line);
        }
        return join(lines);
      }
      case 5: case 6: { // insert a YAML indicator
        String indicator = INDICATORS[random.nextInt(INDICATORS.length)];
        return insert(bytes, random.nextInt(bytes.length + 1), indicator.getBytes(StandardCharsets.UTF_8));
      }
      case 7: { // deep nesting
        String[] openers = {"[", "{a: ", "- ", "? ", "!!binary [", "&x [", "\n  - "};
        String opener = openers[random.nextInt(openers.length)];
        String nest = opener.repeat(1 + random.nextInt(random.nextBoolean() ? 40 : 5_000));
        return insert(bytes, random.nextInt(bytes.length + 1), nest.getBytes(StandardCharsets.UTF_8));
      }
      default: { // re-indent a line
        List<String> lines = lines(bytes);
        int a = random.nextInt(lines.size());
        String line = lines.get(a);
        int shift = random.nextInt(5) - 2;
        lines.set(a, shift > 0 ? " ".repeat(shift) + line : line.substring(Math.min(-shift, leadingSpaces(line))));
        return join(lines);
      }
    }
  }

  private static int leadingSpaces(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') i++;
    return i;
  }

  private static List<String> lines(byte[] bytes) {
    // ISO-8859-1 maps bytes one to one, so line edits never repair or break UTF-8 by themselves.
    return new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1)));
  }

  private static byte[] join(List<String> lines) {
    return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
    out.write(bytes, 0, at);
    out.write(inserted, 0, inserted.length);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }
}
