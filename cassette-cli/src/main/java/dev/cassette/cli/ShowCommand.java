package dev.cassette.cli;

import dev.cassette.core.Body;
import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code cassette show FILE}: what a cassette holds, one block per interaction, readable without
 * scrolling through SSE chunks: the exchange, the sizes and, for a streamed LLM reply, the text and
 * tool calls the stream adds up to.
 */
final class ShowCommand implements Command {
  private final StreamReassembler reassembler = new StreamReassembler();

  @Override
  public String name() {
    return "show";
  }

  @Override
  public String synopsis() {
    return "show [--json] FILE";
  }

  @Override
  public String description() {
    return "summarise each interaction; reassemble streamed LLM replies; --json for scripts";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    boolean json = false;
    List<String> files = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--json")) json = true;
      else if (arg.startsWith("-")) throw new UsageException("show: unknown option " + arg);
      else files.add(arg);
    }
    if (files.size() != 1) throw new UsageException("show: expected one FILE, got " + files.size());
    Path path = Path.of(files.get(0));
    if (!Files.exists(path)) throw new UsageException(path + ": no such file");
    if (Files.isDirectory(path)) throw new UsageException(path + ": is a folder; show takes one FILE");

    CassetteFile file = CassetteFile.read(path);
    if (file.cassette().isEmpty()) {
      err.println(ControlCharacters.escape(file.problem()));
      return FAILED;
    }
    Cassette cassette = file.cassette().get();
    if (json) {
      out.print(new ShowJson().write(path, cassette));
      return OK;
    }
    int count = cassette.interactions().size();
    out.println(escape(path.toString()) + ": " + count + (count == 1 ? " interaction" : " interactions") + " ("
        + lower(cassette.layout().name()) + " layout, " + lower(cassette.profile().name()) + " profile)");
    for (int id = 0; id < count; id++) {
      out.println();
      print(id, cassette.interactions().get(id), out);
    }
    return OK;
  }

  private void print(int id, Interaction interaction, PrintStream out) {
    Request request = interaction.request();
    Response response = interaction.response();
    // Everything printed from the cassette goes through ControlCharacters: the file may be hostile.
    out.println("#" + id + " " + escape(request.method()) + " " + escape(request.url()));
    out.println("  status:   " + escape(response.status()) + " (" + escape(response.proto()) + ")");
    out.println("  duration: " + response.duration());
    out.println("  request:  " + size(request.body()));
    out.println("  response: " + size(response.body()));

    Body body = response.body();
    String contentType = response.headers().firstIgnoreCase("Content-Type");
    if (!body.isUtf8() || !StreamReassembler.isEventStream(contentType, body.text())) return;
    StreamReassembler.Result stream = reassembler.reassemble(body.text());
    String dialect = stream.dialect().isEmpty() ? "" : ", " + escape(stream.dialect());
    out.println("  stream:   " + stream.events() + " events" + dialect);
    String text = stream.transcript().text();
    if (!text.isEmpty()) {
      out.println("  text:");
      for (String line : text.split("\n", -1)) out.println("    " + escape(line));
    }
    for (ToolCall call : stream.transcript().toolCalls()) {
      out.println("  tool call: " + escape(call.toString()));
    }
  }

  private static String size(Body body) {
    if (body.isEmpty()) return "no body";
    if (!body.isUtf8()) return "binary, " + body.length() + " bytes";
    return body.length() + " bytes";
  }

  private static String escape(String text) {
    return ControlCharacters.escape(text);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
