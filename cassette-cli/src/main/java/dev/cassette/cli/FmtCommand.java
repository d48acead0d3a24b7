package dev.cassette.cli;

import dev.cassette.core.Cassette;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cassette fmt [--check] PATH...}: rewrites each cassette exactly as go-vcr would write it, in the
 * file's own layout and field profile. A file is only touched when its bytes change, and then replaced
 * atomically, so an interrupted run never leaves a half-written cassette. With {@code --check} nothing
 * is written and the exit status says whether anything would change, for CI.
 */
final class FmtCommand implements Command {
  @Override
  public String name() {
    return "fmt";
  }

  @Override
  public String synopsis() {
    return "fmt [--check] PATH...";
  }

  @Override
  public String description() {
    return "rewrite cassettes as go-vcr writes them; --check only lists what would change";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    boolean check = false;
    List<String> paths = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--check")) check = true;
      else if (arg.startsWith("-")) throw new UsageException("fmt: unknown option " + arg);
      else paths.add(arg);
    }
    if (paths.isEmpty()) throw new UsageException("fmt: no PATH given");

    List<Path> files = CassetteFiles.expand(paths);
    int changed = 0;
    int invalid = 0;
    for (Path path : files) {
      CassetteFile file = CassetteFile.read(path);
      Optional<Cassette> cassette = file.cassette();
      if (cassette.isEmpty()) {
        err.println(ControlCharacters.escape(file.problem()));
        invalid++;
        continue;
      }
      byte[] formatted = cassette.get().toYaml().getBytes(StandardCharsets.UTF_8);
      if (file.contentEquals(formatted)) continue;
      if (!check && !save(cassette.get(), path, err)) {
        invalid++;
        continue;
      }
      out.println(ControlCharacters.escape(path.toString()));
      changed++;
    }

    // The tally stays the last line of the output in its fixed form, for scripts; invalid files are
    // counted on the error stream beside their messages.
    if (invalid > 0) err.println(invalid + " invalid, left as they are");
    out.println(files.size() + " files, " + changed + " " + (check ? "would change" : "changed"));
    return invalid > 0 || (check && changed > 0) ? FAILED : OK;
  }

  private static boolean save(Cassette cassette, Path path, PrintStream err) {
    try {
      cassette.save(path);
      return true;
    } catch (IOException e) {
      err.println(ControlCharacters.escape(path + ": cannot write: " + e.getMessage()));
      return false;
    }
  }
}
