package dev.cassette.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Replaces a file's content all at once. go-vcr truncates the cassette in place, so a crash mid-write
 * loses it; here the bytes go to a temporary file in the same directory (same file system, so the
 * rename is atomic), are forced to disk, and only then replace the target.
 *
 * <p>A symbolic link is followed: the temporary file is made beside the file the link points to and
 * renamed over it, so the link stays a link and its target changes atomically. A new file gets the
 * permissions the process's umask gives any new file; a replaced file keeps its own.
 *
 * <p>A save that was killed leaves its temporary file behind ({@code .NAME.DIGITS.tmp}); the next save
 * of the same file removes those that have not been written to for {@link #STALE_AFTER}, which a live
 * writer's file, written to as it goes, never is.
 */
final class AtomicFile {
  /** How long a temporary file must have been left untouched before a later save removes it. */
  static final Duration STALE_AFTER = Duration.ofMinutes(1);

  /** Symbolic links followed before giving up, as the Linux kernel's own limit. */
  private static final int MAX_LINKS = 40;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Writes the content of a file; called once per save. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Replaces the file at {@code target} (or at the end of its symbolic links) with the content.
   *
   * @throws IOException naming the target and the cause; the target is then as it was
   */
  static void write(Path target, Content content) throws IOException {
    Path file;
    try {
      file = resolveLinks(target.toAbsolutePath());
    } catch (IOException e) {
      throw failure(target, "cannot follow its symbolic link", e);
    }
    Path dir = file.getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw failure(target, "cannot create its directory " + dir, e);
    }
    removeStaleTemporaryFiles(file);
    Path temp;
    try {
      temp = createTemporaryFile(file);
    } catch (IOException e) {
      throw failure(target, "cannot create a file in " + dir, e);
    }
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
           OutputStream out = Channels.newOutputStream(channel)) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      } catch (IOException e) {
        throw failure(target, "cannot write " + temp, e);
      }
      try {
        if (Files.exists(file)) keepPermissions(file, temp);
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw failure(target, "cannot replace " + file + " with the new content", e);
      }
      forceDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The file a path names once its symbolic links are followed; the path itself when it is none. */
  static Path resolveLinks(Path path) throws IOException {
    Path current = path;
    for (int i = 0; i < MAX_LINKS; i++) {
      if (!Files.isSymbolicLink(current)) return current;
      Path link = Files.readSymbolicLink(current);
      current = current.resolveSibling(link).normalize();
    }
    throw new FileSystemException(path.toString(), null, "more than " + MAX_LINKS + " symbolic links");
  }

  /**
   * {@code .NAME.DIGITS.tmp}, created empty with the permissions any new file gets (the umask's), not
   * the owner-only ones of {@link Files#createTempFile}: a new cassette is meant to be committed and
   * read by others, and a replaced one has its own permissions copied over before the rename.
   */
  private static Path createTemporaryFile(Path file) throws IOException {
    while (true) {
      Path temp = file.resolveSibling(
          "." + file.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        // Another writer's name: draw again.
      }
    }
  }

  /**
   * Removes temporary files that saves of this file left when they were killed. Only our own naming
   * pattern for this very file, and only files untouched for {@link #STALE_AFTER}: a live writer in
   * another process writes to its file as it goes, and renames it within moments of finishing. Best
   * effort: a file that cannot be removed is left for the next save.
   */
  private static void removeStaleTemporaryFiles(Path file) {
    Pattern ours = Pattern.compile("\\." + Pattern.quote(file.getFileName().toString()) + "\\.[0-9]+\\.tmp");
    FileTime staleBefore = FileTime.from(Instant.now().minus(STALE_AFTER));
    try (DirectoryStream<Path> candidates = Files.newDirectoryStream(file.getParent(),
        candidate -> ours.matcher(candidate.getFileName().toString()).matches())) {
      for (Path candidate : candidates) {
        try {
          if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)
              && Files.getLastModifiedTime(candidate, LinkOption.NOFOLLOW_LINKS).compareTo(staleBefore) < 0) {
            Files.deleteIfExists(candidate);
          }
        } catch (IOException e) {
          // Gone already, or not ours to remove: either way the save goes on.
        }
      }
    } catch (IOException e) {
      // The directory cannot be listed; the save itself reports what is wrong with it.
    }
  }

  /**
   * The rename survives a power loss only once the directory entry is on disk too. Best effort: not
   * every platform can open a directory (Windows cannot), and the new content is complete either way.
   */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // The file is replaced; only the durability of the rename is left to the operating system.
    }
  }

  /**
   * A rewritten file (by {@code cassette fmt}, a re-recording) keeps the permissions it had. Set after
   * writing, so that a read-only target still works.
   */
  private static void keepPermissions(Path from, Path to) throws IOException {
    try {
      Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: there are no such permissions to keep.
    }
  }

  /** An error that names the cassette first, then what failed and why, in words. */
  private static IOException failure(Path target, String step, IOException cause) {
    return new IOException("cannot save cassette " + target + ": " + step + ": " + reason(cause), cause);
  }

  /** The cause as a person reads it: the JDK's messages for these are just a path. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException denied) return "permission denied (" + denied.getFile() + ")";
    if (e instanceof NoSuchFileException missing) {
      return "no such file or directory (" + missing.getFile() + ")";
    }
    if (e instanceof FileAlreadyExistsException exists) return "a file is in the way (" + exists.getFile() + ")";
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + (fs.getFile() != null ? " (" + fs.getFile() + ")" : "");
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
