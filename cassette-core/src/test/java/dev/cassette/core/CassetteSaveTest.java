package dev.cassette.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
