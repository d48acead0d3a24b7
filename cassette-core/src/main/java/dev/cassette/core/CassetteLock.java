package dev.cassette.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;

/**
 * Exclusive use of one cassette file across threads and processes, held while a {@link Recorder}
 * re-reads the file, merges what it recorded and saves. Two JVMs (Surefire's {@code forkCount=2}) that
 * record into one cassette then take turns, and the second merges into what the first saved instead of
 * overwriting it.
 *
 * <p>The lock is an operating-system lock ({@link FileChannel#lock}) on a sidecar file,
 * {@code NAME.yaml.lock} beside the cassette (beside the file a symbolic link points to), never on the
 * cassette itself, which is replaced by a rename while the lock is held. The holder deletes the sidecar
 * before it lets go, so none is left in a folder that gets committed; a waiter that then gets the lock
 * on the deleted file sees that the path no longer names it and starts over. Within one JVM, where
 * operating-system locks do not exclude each other, a lock object per file does the same.
 */
final class CassetteLock implements AutoCloseable {
  /** How often a waiter tries the operating-system lock again. */
  private static final long RETRY_MILLIS = 10;

  private static final ConcurrentHashMap<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

  private final Semaphore threadLock;
  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock fileLock;

  private CassetteLock(Semaphore threadLock, Path lockFile, FileChannel channel, FileLock fileLock) {
    this.threadLock = threadLock;
    this.lockFile = lockFile;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /** The sidecar lock file of a cassette: {@code NAME.lock} beside the file its links lead to. */
  static Path lockFileOf(Path cassette) throws IOException {
    // The same file AtomicFile writes, so that every spelling of its path shares one lock.
    Path file = AtomicFile.resolveLinks(cassette.toAbsolutePath());
    return file.resolveSibling(file.getFileName() + ".lock").normalize();
  }

  /**
   * Waits up to {@code timeout} for the cassette's lock.
   *
   * @throws IOException naming the cassette and the lock file when the lock cannot be had in time, or
   *     the lock file cannot be created
   */
  static CassetteLock acquire(Path cassette, Duration timeout) throws IOException {
    Objects.requireNonNull(timeout, "timeout");
    Path lockFile = lockFileOf(cassette);
    long deadline = System.nanoTime() + timeout.toNanos();
    Semaphore threadLock = IN_THIS_JVM.computeIfAbsent(lockFile, f -> new Semaphore(1));
    try {
      if (!threadLock.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw timedOut(cassette, lockFile, timeout, "another thread of this JVM");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("cannot save cassette " + cassette + ": interrupted while waiting for its lock "
          + lockFile, e);
    }
    try {
      while (true) {
        CassetteLock held;
        try {
          Files.createDirectories(lockFile.getParent());
          held = tryOnce(threadLock, lockFile);
        } catch (IOException e) {
          throw new IOException("cannot save cassette " + cassette + ": cannot lock it with " + lockFile
              + ": " + AtomicFile.reason(e), e);
        }
        if (held != null) return held;
        if (System.nanoTime() - deadline > 0) throw timedOut(cassette, lockFile, timeout, "another process");
        sleep(cassette, lockFile);
      }
    } catch (IOException | RuntimeException | Error e) {
      threadLock.release();
      throw e;
    }
  }

  /** One attempt: the lock on the file the path names now, or null when another process holds it. */
  private static CassetteLock tryOnce(Semaphore threadLock, Path lockFile) throws IOException {
    Object before = fileKey(lockFile);
    if (before == null) {
      FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
      before = fileKey(lockFile);
      if (before == null) return null;
    }
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    boolean keep = false;
    try {
      Object opened = fileKey(lockFile);
      // Only when the path named the same file before and after opening is it surely the file opened.
      if (before == null || !before.equals(opened)) return null;
      FileLock fileLock = channel.tryLock();
      if (fileLock == null) return null;
      // The previous holder may have deleted the file (and another process made a new one) while this
      // one waited: a lock on a file the path no longer names excludes nobody.
      if (!before.equals(fileKey(lockFile))) {
        fileLock.release();
        return null;
      }
      keep = true;
      return new CassetteLock(threadLock, lockFile, channel, fileLock);
    } finally {
      if (!keep) channel.close();
    }
  }

  /** The identity of the file a path names (device and inode on Unix), or null when there is none. */
  private static Object fileKey(Path file) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Object key = attributes.fileKey();
      // Without file keys (Windows) the creation time stands in; there an open sidecar is never deleted.
      return key != null ? key : attributes.creationTime();
    } catch (IOException e) {
      return null;
    }
  }

  private static void sleep(Path cassette, Path lockFile) throws IOException {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("cannot save cassette " + cassette + ": interrupted while waiting for its lock "
          + lockFile, e);
    }
  }

  private static IOException timedOut(Path cassette, Path lockFile, Duration timeout, String holder) {
    return new IOException("cannot save cassette " + cassette + ": " + holder + " has held its lock "
        + lockFile + " for more than " + GoDuration.of(timeout) + " (another test JVM saving the same"
        + " cassette, or a process that hangs while holding it); nothing was written. Stop the process"
        + " that holds it, or wait longer with Recorder.Builder.lockTimeout");
  }

  /** Deletes the sidecar, then lets go: waiters on the deleted file start over with a new one. */
  @Override
  public void close() throws IOException {
    try {
      try {
        Files.deleteIfExists(lockFile);
      } catch (IOException e) {
        // Windows cannot delete an open file; the next holder reuses it.
      }
      fileLock.release();
      channel.close();
    } finally {
      threadLock.release();
    }
  }
}
