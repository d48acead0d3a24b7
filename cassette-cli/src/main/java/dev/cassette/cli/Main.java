package dev.cassette.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code cassette} command line: {@code fmt}, {@code check}, {@code show} and {@code diff} over go-vcr
 * cassettes, and {@code serve}, which records and replays one for clients in any language.
 *
 * <p>Exit status: 0 when all is well, 1 when a cassette is invalid, (with {@code fmt --check}) would
 * change, (with {@code diff}) differs, or (with {@code serve}) cannot be loaded or saved, 2 when the
 * command line is wrong (for {@code diff}, also when a file cannot be read).
 */
public final class Main {
  private static final List<Command> COMMANDS = List.of(
      new FmtCommand(), new CheckCommand(), new ShowCommand(), new DiffCommand(), new ServeCommand());

  private static final String SYNOPSIS = "cassette fmt|check|show|diff|serve ARGS...";

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs one command line and returns its exit status instead of exiting, so that tests and other
   * tools can call the CLI in process.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (isHelp(args[0]) || args[0].equals("help"))) {
      out.print(usage());
      return Command.OK;
    }
    if (args.length == 0) return usageError("no command given", SYNOPSIS, err);
    Command command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
    if (command == null) return usageError("unknown command " + args[0], SYNOPSIS, err);
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    if (rest.stream().anyMatch(Main::isHelp)) {
      out.println("usage: cassette " + command.synopsis());
      out.println(command.description());
      return Command.OK;
    }
    try {
      return command.run(rest, out, err);
    } catch (UsageException e) {
      return usageError(e.getMessage(), "cassette " + command.synopsis(), err);
    }
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h");
  }

  /** A usage error gets one line of cause and one of synopsis, not the whole help, so the cause stays visible. */
  private static int usageError(String message, String synopsis, PrintStream err) {
    err.println("cassette: " + message);
    err.println("usage: " + synopsis);
    err.println("run 'cassette --help' for details");
    return Command.USAGE;
  }

  private static String usage() {
    StringBuilder text = new StringBuilder("usage: cassette COMMAND [ARGS]\n\ncommands:\n");
    for (Command command : COMMANDS) {
      text.append(String.format("  %-22s %s\n", command.synopsis(), command.description()));
    }
    text.append("\nFolders are searched recursively for *.yaml and *.yml files.\n")
        .append("Exit status: 0 ok, 1 invalid cassettes or changes found (serve: not loaded or not saved),\n")
        .append("2 usage error (diff: also a file it cannot read).\n");
    return text.toString();
  }
}
