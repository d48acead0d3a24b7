package dev.cassette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./cassette} launcher, run by sh from a copy of the checkout whose {@code mvn} and
 * {@code java} are stand-ins: the first use says on stderr that it builds, instead of 20 s of silence.
 */
class CassetteScriptTest {
  private static final Path SCRIPT = Path.of("../cassette");

  @TempDir Path root;

  private record Run(int exit, String stdout, String stderr) {}

  private Run run(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 2];
    command[0] = "sh";
    command[1] = root.resolve("cassette").toString();
    System.arraycopy(args, 0, command, 2, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    builder.environment().put("PATH", root.resolve("bin") + ":/usr/bin:/bin");
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), out, err);
  }

  private void stub(String name, String body) throws IOException {
    Path file = root.resolve("bin").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void saysItIsBuildingOnFirstUseOnlyAndOnStderr() throws Exception {
    assumeTrue(Files.exists(SCRIPT) && Files.exists(Path.of("/bin/sh")), "no checkout script or no sh");
    Files.copy(SCRIPT, root.resolve("cassette"));
    stub("mvn", "mkdir -p cassette-cli/target && : > cassette-cli/target/cassette.jar");
    stub("java", "echo \"java $*\"");

    Run first = run("show", "x.yaml");
    assertEquals("building cassette-cli (first use, ~20 s)...\n", first.stderr());
    Path jar = root.toRealPath().resolve("cassette-cli/target/cassette.jar");
    assertEquals("java -jar " + jar + " show x.yaml\n", first.stdout());
    assertEquals(0, first.exit());

    Run second = run("show", "x.yaml");
    assertEquals("", second.stderr());
    assertEquals(first.stdout(), second.stdout());
  }

  @Test
  void aFailedBuildShowsMavensOutputAndExits2() throws Exception {
    assumeTrue(Files.exists(SCRIPT) && Files.exists(Path.of("/bin/sh")), "no checkout script or no sh");
    Files.copy(SCRIPT, root.resolve("cassette"));
    stub("mvn", "echo '[ERROR] compilation failed'; exit 1");
    stub("java", "echo \"java $*\"");

    Run run = run("show", "x.yaml");
    assertEquals(2, run.exit());
    assertEquals("building cassette-cli (first use, ~20 s)...\n[ERROR] compilation failed\n"
        + "cassette: building " + root.toRealPath().resolve("cassette-cli/target/cassette.jar") + " failed\n",
        run.stderr());
  }
}
