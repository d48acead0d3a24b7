package dev.cassette.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cassette serve} as a user runs it: a child process whose first line of output is the base URL,
 * stopped by a signal, leaving the cassette the mode says.
 */
class ServeCommandTest {
  private static final String ANSWER = "{\"id\":\"chatcmpl-1\",\"choices\":[]}";

  @TempDir Path dir;

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A running {@code cassette serve}: its process, the base URLs it printed, its error output. */
  private record Serve(Process process, List<URI> bases, Path stderr) implements AutoCloseable {
    static Serve start(Path dir, String... args) throws IOException {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
      command.addAll(List.of(args));
      Path stderr = Files.createTempFile(dir, "serve", ".err");
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
      builder.environment().remove("CI");
      builder.environment().remove("CASSETTE_MODE");
      Process process = builder.start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      int upstreams = (int) List.of(args).stream().filter("--upstream"::equals).count();
      List<URI> bases = new ArrayList<>();
      for (int i = 0; i < upstreams; i++) {
        String line = out.readLine();
        if (line == null) throw new IOException("serve ended early: " + Files.readString(stderr));
        bases.add(URI.create(line));
      }
      return new Serve(process, bases, stderr);
    }

    /** Sends SIGTERM (or SIGINT) and waits for the exit status. */
    int stop(String signal) throws Exception {
      if (signal.equals("TERM")) {
        process.destroy();
      } else {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("serve did not stop on SIG" + signal);
      return process.exitValue();
    }

    String errors() throws IOException {
      return Files.readString(stderr);
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  private static HttpServer upstream(String path, String answer) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(path, exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private HttpResponse<String> post(URI base, String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void recordsUntilSigtermThenReplaysWithTheUpstreamGone() throws Exception {
    Path cassette = dir.resolve("chat.yaml");
    HttpServer upstream = upstream("/v1/chat/completions", ANSWER);
    String upstreamUrl = url(upstream) + "/v1";
    try (Serve serve = Serve.start(dir, "--upstream", upstreamUrl, "--mode", "record", cassette.toString())) {
      URI base = serve.bases().get(0);
      assertEquals("127.0.0.1", base.getHost());
      assertEquals(ANSWER, post(base, "/chat/completions", "{\"model\":\"gpt\"}").body());
      assertEquals(0, serve.stop("TERM"), serve.errors());
      assertTrue(serve.errors().contains("saved " + cassette), serve.errors());
    } finally {
      upstream.stop(0);
    }
    Interaction recorded = Cassette.load(cassette).interactions().get(0);
    assertEquals(upstreamUrl + "/chat/completions", recorded.request().url());
    assertEquals(ANSWER, recorded.response().body().text());

    byte[] before = Files.readAllBytes(cassette);
    try (Serve serve = Serve.start(dir, "--upstream", upstreamUrl, "--mode", "replay", cassette.toString())) {
      URI base = serve.bases().get(0);
      assertEquals(ANSWER, post(base, "/chat/completions", "{\"model\":\"gpt\"}").body());
      HttpResponse<String> unmatched = post(base, "/chat/completions", "{\"model\":\"other\"}");
      assertEquals(404, unmatched.statusCode());
      assertTrue(unmatched.body().contains(cassette.toString()), unmatched.body());
      assertEquals(0, serve.stop("INT"), serve.errors());
    }
    assertArrayEquals(before, Files.readAllBytes(cassette), "replay leaves the cassette as it was");
  }

  @Test
  void severalUpstreamsGetAServerEachAndShareOneCassette() throws Exception {
    Path cassette = dir.resolve("both.yaml");
    HttpServer openai = upstream("/v1/chat/completions", ANSWER);
    HttpServer anthropic = upstream("/v1/messages", "{\"type\":\"message\"}");
    try (Serve serve = Serve.start(dir, "--upstream", url(openai) + "/v1", "--upstream", url(anthropic),
        "--mode", "record", cassette.toString())) {
      assertEquals(2, serve.bases().size());
      assertEquals(ANSWER, post(serve.bases().get(0), "/chat/completions", "{}").body());
      assertEquals("{\"type\":\"message\"}", post(serve.bases().get(1), "/v1/messages", "{}").body());
      assertEquals(0, serve.stop("TERM"), serve.errors());
    } finally {
      openai.stop(0);
      anthropic.stop(0);
    }
    List<Interaction> interactions = Cassette.load(cassette).interactions();
    assertEquals(url(openai) + "/v1/chat/completions", interactions.get(0).request().url());
    assertEquals(url(anthropic) + "/v1/messages", interactions.get(1).request().url());
  }

  @Test
  void aMissingCassetteInReplayFailsAtOnceNamingIt() {
    Path missing = dir.resolve("missing.yaml");
    Cli run = Cli.run("serve", "--upstream", "https://api.openai.com/v1", "--mode", "replay", missing.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains(missing.toAbsolutePath().toString()), run.err());
    assertEquals("", run.out());
    assertFalse(Files.exists(missing));
  }

  @Test
  void aTakenPortFailsAtOnceWithTheFix() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path file = dir.resolve("port.yaml");
      Cli run = Cli.run("serve", "--upstream", "https://api.openai.com/v1", "--mode", "record",
          "--port", Integer.toString(taken.getLocalPort()), file.toString());
      assertEquals(1, run.exit());
      assertTrue(run.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
      assertTrue(run.err().contains("choose another port, or 0 for a free one"), run.err());
      assertEquals("", run.out());
      assertFalse(Files.exists(file));
    }
  }

  @Test
  void usageErrorsNameTheFix() {
    assertUsage(Cli.run("serve", "x.yaml"), "cassette: serve: no --upstream given, e.g. --upstream https://api.anthropic.com");
    assertUsage(Cli.run("serve", "--upstream", "https://a.test"), "cassette: serve: expected one FILE, got 0");
    assertUsage(Cli.run("serve", "--upstream"), "cassette: serve: --upstream needs a value");
    assertUsage(Cli.run("serve", "--upstream", "https://a.test", "--mode", "sometimes", "x.yaml"),
        "cassette: serve: unknown cassette mode 'sometimes': use one of record, replay, new-episodes, once, passthrough");
    assertUsage(Cli.run("serve", "--upstream", "https://a.test", "--port", "http", "x.yaml"),
        "cassette: serve: --port http is not a port in 0..65535 (0 picks a free one)");
    assertUsage(Cli.run("serve", "--upstream", "api.openai.com", "--mode", "record", dir.resolve("x.yaml").toString()),
        "cassette: serve: upstream 'api.openai.com' is not an absolute http or https URL; give the service's base URL, e.g. https://api.anthropic.com");
    assertUsage(Cli.run("serve", "--verbose"), "cassette: serve: unknown option --verbose");
  }

  @Test
  void theDefaultModeIsReplayUnderCi() throws Exception {
    Path missing = dir.resolve("missing.yaml");
    ServeCommand underCi = new ServeCommand(java.util.Map.of("CI", "true"));
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int exit = underCi.run(List.of("--upstream", "https://a.test", missing.toString()),
        new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(Command.FAILED, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("mode REPLAY_ONLY never records"), err.toString(StandardCharsets.UTF_8));
  }

  private static void assertUsage(Cli run, String firstLine) {
    assertEquals(Command.USAGE, run.exit(), run.err());
    assertEquals(firstLine, run.err().lines().findFirst().orElse(""));
  }
}
