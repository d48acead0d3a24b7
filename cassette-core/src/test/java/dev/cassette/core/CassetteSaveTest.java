package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Cassette#save}: whole files or nothing, never a half-written cassette or a stray temp file. */
class CassetteSaveTest {
  @TempDir Path dir;

  private static Cassette oneInteraction(String answer) {
    return Cassette.builder()
        .add(Request.builder().method("GET").url("https://api.example.com/v1/models").build(),
            Response.builder().code(200).status("200 OK").body(answer).build())
        .build();
  }

  private List<Path> filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(folder::relativize).sorted().toList();
    }
  }

  @Test
  void createsParentDirectoriesAndWritesExactlyTheYaml() throws IOException {
    Path file = dir.resolve("a/b/models.yaml");
    Cassette cassette = oneInteraction("{}");
    cassette.save(file);
    assertArrayEquals(cassette.toYaml().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    assertEquals(cassette, Cassette.load(file));
    assertEquals(List.of(Path.of("models.yaml")), filesIn(file.getParent()));
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("models.yaml");
    oneInteraction("old").save(file);
    oneInteraction("new").save(file);
    assertEquals("new", Cassette.load(file).interactions().get(0).response().body().text());
    assertEquals(List.of(Path.of("models.yaml")), filesIn(dir));
  }

  @Test
  void aFailedSaveLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
    // A folder in the cassette's place cannot be replaced by a file: the final rename fails.
    Path target = dir.resolve("models.yaml");
    Files.createDirectories(target);
    Path inside = Files.writeString(target.resolve("keep.txt"), "kept");

    assertThrows(IOException.class, () -> oneInteraction("new").save(target));

    assertEquals("kept", Files.readString(inside));
    assertEquals(List.of(Path.of("models.yaml")), filesIn(dir));
  }

  @Test
  void aLaterSaveRemovesStaleTemporaryFilesOfKilledSavesButNoOtherFile() throws IOException {
    Path file = dir.resolve("models.yaml");
    FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
    Path killed = touch(".models.yaml.8412937710293.tmp", hourAgo);
    Path liveWriter = touch(".models.yaml.5512.tmp", FileTime.from(Instant.now()));
    Path otherCassette = touch(".chat.yaml.77.tmp", hourAgo);
    Path notOurs = touch(".models.yaml.backup.tmp", hourAgo);

    oneInteraction("new").save(file);

    assertFalse(Files.exists(killed), "a stale temporary file of this cassette is removed");
    assertTrue(Files.exists(liveWriter), "a file another writer may still be writing is left alone");
    assertTrue(Files.exists(otherCassette), "another cassette's temporary file is left alone");
    assertTrue(Files.exists(notOurs), "a file outside our naming pattern is left alone");
  }

  private Path touch(String name, FileTime modified) throws IOException {
    Path file = Files.writeString(dir.resolve(name), "partial");
    Files.setLastModifiedTime(file, modified);
    return file;
  }

  @Test
  void savingThroughASymbolicLinkReplacesItsTargetAndKeepsTheLinkAndThePermissions() throws IOException {
    Path real = dir.resolve("shared/models.yaml");
    oneInteraction("old").save(real);
    Set<PosixFilePermission> groupReadable = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(real, groupReadable);
    Path link = Files.createSymbolicLink(dir.resolve("models.yaml"), Path.of("shared/models.yaml"));

    oneInteraction("new").save(link);

    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertEquals("new", Cassette.load(real).interactions().get(0).response().body().text());
    assertEquals(groupReadable, Files.getPosixFilePermissions(real));
    assertEquals(List.of(Path.of("models.yaml")), filesIn(real.getParent()));
  }

  @Test
  void aNewCassetteGetsTheUmasksPermissionsLikeAnyNewFile() throws IOException {
    Set<PosixFilePermission> anyNewFile = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
    Path file = dir.resolve("models.yaml");
    oneInteraction("new").save(file);
    assertEquals(anyNewFile, Files.getPosixFilePermissions(file));
  }

  @Test
  void aSaveErrorNamesTheCassetteAndTheCause() throws IOException {
    // A regular file where the cassette's directory should be.
    Files.writeString(dir.resolve("recordings"), "not a folder");
    Path file = dir.resolve("recordings/models.yaml");
    IOException e = assertThrows(IOException.class, () -> oneInteraction("new").save(file));
    assertTrue(e.getMessage().startsWith("cannot save cassette " + file + ": cannot create its directory "),
        e.getMessage());
  }

  @Test
  void anUnwritableDirectoryIsReportedWithTheCassettesName() throws IOException {
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(locked), "root writes to any directory");
      Path file = locked.resolve("models.yaml");
      IOException e = assertThrows(IOException.class, () -> oneInteraction("new").save(file));
      assertTrue(e.getMessage().startsWith("cannot save cassette " + file + ": cannot create a file in "
          + locked + ": permission denied"), e.getMessage());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
