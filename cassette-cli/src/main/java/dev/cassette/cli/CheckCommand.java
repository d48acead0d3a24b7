package dev.cassette.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code cassette check PATH...}: validates every cassette, keeping none of what it holds, and reports
 * each one that does not load as {@code FILE:LINE:COL: message}, the form editors and terminals turn
 * into a link to the place.
 */
final class CheckCommand implements Command {
  @Override
  public String name() {
    return "check";
  }

  @Override
  public String synopsis() {
    return "check PATH...";
  }

  @Override
  public String description() {
    return "validate cassettes; report problems as FILE:LINE:COL: message";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    for (String arg : args) {
      if (arg.startsWith("-")) throw new UsageException("check: unknown option " + arg);
    }
    if (args.isEmpty()) throw new UsageException("check: no PATH given");

    List<Path> files = CassetteFiles.expand(args);
    int invalid = 0;
    for (Path path : files) {
      // Validated, not loaded: no interaction is kept, so a file short of the size limit fits a small heap.
      String problem = CassetteFile.problemIn(path);
      if (problem != null) {
        // The message may quote the file (a key, a value) and the file name itself: either may be hostile.
        out.println(ControlCharacters.escape(problem));
        invalid++;
      }
    }
    out.println(files.size() + " files, " + invalid + " invalid");
    return invalid > 0 ? FAILED : OK;
  }
}
