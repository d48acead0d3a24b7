package dev.cassette.cli;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code cassette}. */
interface Command {
  /** Everything went well. */
  int OK = 0;
  /** A cassette is invalid, or (with {@code fmt --check}) would change. */
  int FAILED = 1;
  /** The command line is wrong. */
  int USAGE = 2;

  /** The word that selects this command, e.g. {@code fmt}. */
  String name();

  /** The command's arguments, e.g. {@code fmt [--check] PATH...}. */
  String synopsis();

  /** What the command does, in one line. */
  String description();

  /**
   * Runs the command with the arguments after its name.
   *
   * @return the process exit status: {@link #OK}, {@link #FAILED} or {@link #USAGE}
   * @throws UsageException when the arguments are wrong; nothing has been written then
   */
  int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}
