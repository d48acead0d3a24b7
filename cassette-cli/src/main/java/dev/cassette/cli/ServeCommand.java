package dev.cassette.cli;

import dev.cassette.core.CassetteFormatException;
import dev.cassette.core.CassetteNotFoundException;
import dev.cassette.core.Mode;
import dev.cassette.core.Recorder;
import dev.cassette.server.CassetteServer;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code cassette serve --upstream URL [--upstream URL]... [--mode MODE] [--port N] [--host HOST] FILE}:
 * records and replays FILE for clients in any language through a local {@link CassetteServer} per
 * upstream, all on one recorder, so one cassette holds the calls to every upstream.
 *
 * <p>Prints each server's base URL on a line of its own, in {@code --upstream} order, before serving, so
 * a script reads the first line and points its client there. Serves until SIGINT or SIGTERM, then lets
 * requests in flight finish, saves as the mode says and exits with status 0, or 1 when saving failed.
 */
final class ServeCommand implements Command {
  private final Map<String, String> environment;

  ServeCommand() {
    this(System.getenv());
  }

  ServeCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String synopsis() {
    return "serve --upstream URL [--mode MODE] [--port N] [--host HOST] FILE";
  }

  @Override
  public String description() {
    return "record/replay FILE for any client: prints the base URL, serves until SIGINT/SIGTERM, then saves";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    Options options = Options.parse(args, environment);
    Recorder recorder;
    try {
      recorder = Recorder.builder(options.file).mode(options.mode).build();
    } catch (CassetteNotFoundException | CassetteFormatException | UncheckedIOException e) {
      err.println("cassette: serve: " + e.getMessage());
      return FAILED;
    }
    List<CassetteServer> servers = new ArrayList<>();
    try {
      for (int i = 0; i < options.upstreams.size(); i++) {
        servers.add(CassetteServer.builder(recorder, options.upstreams.get(i))
            .host(options.host)
            .port(i == 0 ? options.port : 0)
            .start());
      }
    } catch (IllegalArgumentException e) {
      servers.forEach(CassetteServer::close);
      throw new UsageException("serve: " + e.getMessage());
    } catch (UncheckedIOException e) {
      servers.forEach(CassetteServer::close);
      err.println("cassette: serve: " + e.getMessage());
      return FAILED;
    }

    for (CassetteServer server : servers) out.println(server.baseUri());
    out.flush();
    for (CassetteServer server : servers) {
      err.println("cassette: serving " + server.baseUri() + " for " + server.upstream() + ", mode "
          + options.mode.shortName() + ", cassette " + options.file + "; stop with Ctrl-C or SIGTERM");
    }
    err.flush();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      int status = stop(servers, recorder, err);
      stopped.countDown();
      // The signal would end the JVM with 130 or 143; the status says whether the cassette was saved.
      Runtime.getRuntime().halt(status);
    }, "cassette-serve-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return OK;
  }

  /** Closes the servers (requests in flight finish first), then saves as the mode says. */
  private static int stop(List<CassetteServer> servers, Recorder recorder, PrintStream err) {
    servers.forEach(CassetteServer::close);
    try {
      recorder.stop();
    } catch (UncheckedIOException e) {
      err.println("cassette: serve: " + e.getMessage());
      err.flush();
      return FAILED;
    }
    int recorded = recorder.cassette().interactions().size();
    // A recorder that records is one that saves at stop (RECORD_ONCE only when the file was missing).
    err.println(recorder.isRecording()
        ? "cassette: saved " + recorder.path() + " (" + recorded + " interactions)"
        : "cassette: " + recorder.path() + " left as it was (mode " + recorder.mode().shortName() + ")");
    err.flush();
    return OK;
  }

  /** The parsed command line. */
  private static final class Options {
    final List<String> upstreams = new ArrayList<>();
    Mode mode;
    int port;
    String host = "127.0.0.1";
    Path file;

    static Options parse(List<String> args, Map<String, String> environment) throws UsageException {
      Options o = new Options();
      List<String> files = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        switch (arg) {
          case "--upstream" -> o.upstreams.add(value(args, ++i, arg));
          case "--mode" -> o.mode = mode(value(args, ++i, arg));
          case "--port" -> o.port = port(value(args, ++i, arg));
          case "--host" -> o.host = value(args, ++i, arg);
          default -> {
            if (arg.startsWith("-")) throw new UsageException("serve: unknown option " + arg);
            files.add(arg);
          }
        }
      }
      if (o.upstreams.isEmpty()) {
        throw new UsageException("serve: no --upstream given, e.g. --upstream https://api.anthropic.com");
      }
      if (files.size() != 1) throw new UsageException("serve: expected one FILE, got " + files.size());
      o.file = Path.of(files.get(0));
      if (o.mode == null) o.mode = defaultMode(environment);
      return o;
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
      if (i >= args.size() || args.get(i).startsWith("--")) throw new UsageException("serve: " + option + " needs a value");
      return args.get(i);
    }

    private static Mode mode(String name) throws UsageException {
      try {
        return Mode.fromName(name);
      } catch (IllegalArgumentException e) {
        throw new UsageException("serve: " + e.getMessage());
      }
    }

    private static int port(String text) throws UsageException {
      try {
        int port = Integer.parseInt(text);
        if (port >= 0 && port <= 65535) return port;
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new UsageException("serve: --port " + text + " is not a port in 0..65535 (0 picks a free one)");
    }

    /** As {@code @UseCassette} decides: {@code CASSETTE_MODE}, else {@code replay} under CI, else {@code once}. */
    private static Mode defaultMode(Map<String, String> environment) throws UsageException {
      String variable = environment.get("CASSETTE_MODE");
      if (variable != null && !variable.isBlank()) {
        try {
          return Mode.fromName(variable);
        } catch (IllegalArgumentException e) {
          throw new UsageException("serve: CASSETTE_MODE: " + e.getMessage());
        }
      }
      String ci = environment.get("CI");
      return ci != null && !ci.isBlank() ? Mode.REPLAY_ONLY : Mode.RECORD_ONCE;
    }
  }
}
