package dev.cassette.cli;

import dev.cassette.core.Cassette;
import dev.cassette.core.CassetteFormatException;
import dev.cassette.core.yaml.CassetteReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * One cassette file read from disk: its exact bytes, and either the cassette they hold or the problem
 * that stops them from loading, already worded for the terminal ({@code FILE:LINE:COL: message}).
 *
 * <p>The bytes are read once and parsed from memory, so that {@code fmt} compares the rewrite against
 * exactly what was parsed.
 */
final class CassetteFile {
  private final Path path;
  private final byte[] bytes;
  private final Cassette cassette;
  private final String problem;

  private CassetteFile(Path path, byte[] bytes, Cassette cassette, String problem) {
    this.path = path;
    this.bytes = bytes;
    this.cassette = cassette;
    this.problem = problem;
  }

  /**
   * Reads and parses a file; never throws for a bad or unreadable file, see {@link #problem()}. Not even
   * for an error the JVM raises while parsing it (out of memory, a stack overflow): {@code check} and
   * {@code fmt} report that file and go on to the next, and to their summary line.
   */
  static CassetteFile read(Path path) {
    CassetteReader reader = new CassetteReader();
    byte[] bytes;
    try {
      // Checked before reading, so an oversized file is refused without being held in memory.
      String tooLarge = tooLarge(path, reader);
      if (tooLarge != null) return new CassetteFile(path, new byte[0], null, tooLarge);
      bytes = Files.readAllBytes(path);
    } catch (IOException | UncheckedIOException | OutOfMemoryError e) {
      return new CassetteFile(path, new byte[0], null, problem(path, e));
    }
    try {
      Cassette cassette = reader.read(new ByteArrayInputStream(bytes), path.toString());
      return new CassetteFile(path, bytes, cassette, null);
    } catch (CassetteFormatException e) {
      return new CassetteFile(path, bytes, null, e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      return new CassetteFile(path, bytes, null, problem(path, e));
    } catch (RuntimeException | Error e) {
      return new CassetteFile(path, new byte[0], null, problem(path, e));
    }
  }

  /**
   * Why a file does not load, worded as {@link #problem()}, or null when it loads; like {@link #read},
   * never throws. Keeps nothing of the file: each interaction is checked and dropped
   * ({@link CassetteReader#validate}), so that {@code check} needs little more heap than the file
   * itself, where loading it needs a few times that.
   */
  static String problemIn(Path path) {
    CassetteReader reader = new CassetteReader();
    try {
      String tooLarge = tooLarge(path, reader);
      if (tooLarge != null) return tooLarge;
      reader.validate(path);
      return null;
    } catch (CassetteFormatException e) {
      return e.getMessage();
    } catch (IOException | RuntimeException | Error e) {
      return problem(path, e);
    }
  }

  /** The problem of a file over the reader's limit, or null when it is within it. */
  private static String tooLarge(Path path, CassetteReader reader) throws IOException {
    long size = Files.size(path);
    if (size <= reader.maxBytes()) return null;
    return path + ": the file is " + size + " bytes, over the limit of " + reader.maxBytes() + " bytes for a"
        + " cassette; to read it, raise the limit: JDK_JAVA_OPTIONS=-D" + CassetteReader.MAX_BYTES_PROPERTY
        + "=" + ((size >> 20) + 1) + "m";
  }

  /**
   * A file that cannot be read, or an error the JVM raised while parsing it (out of memory, a stack
   * overflow), or a bug of ours or of the YAML library: that file is reported, the others still checked.
   */
  private static String problem(Path path, Throwable e) {
    if (e instanceof NoSuchFileException) return path + ": no such file";
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return path + ": cannot read: " + e.getMessage();
    }
    if (e instanceof OutOfMemoryError oom) return path + ": cannot read: " + outOfMemory(oom);
    if (e instanceof StackOverflowError) {
      return path + ": cannot read: it nests too deeply to parse (stack overflow); a cassette nests six levels";
    }
    return path + ": cannot read: " + e;
  }

  private static String outOfMemory(OutOfMemoryError e) {
    return "out of memory (" + e.getMessage() + ") with a heap of " + (Runtime.getRuntime().maxMemory() >> 20)
        + " MiB; give it more, e.g. JDK_JAVA_OPTIONS=-Xmx1g";
  }

  Path path() {
    return path;
  }

  /** True when the file holds exactly these bytes. */
  boolean contentEquals(byte[] other) {
    return Arrays.equals(bytes, other);
  }

  /** The cassette, or empty when the file is invalid. */
  Optional<Cassette> cassette() {
    return Optional.ofNullable(cassette);
  }

  /** Why the file is invalid, as {@code FILE:LINE:COL: message} or {@code FILE: message}; null when valid. */
  String problem() {
    return problem;
  }
}
