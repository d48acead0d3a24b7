package dev.cassette.cli;

import static dev.cassette.cli.Recordings.CHAT;
import static dev.cassette.cli.Recordings.json;
import static dev.cassette.cli.Recordings.save;
import static dev.cassette.cli.Recordings.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cassette.core.Interaction;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import dev.cassette.core.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
  private static final String ASK = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Add 2 and 3\"}],\"seed\":1}";
  private static final String ANSWER = "{\"id\":\"chatcmpl-1\",\"created\":1700000000,\"system_fingerprint\":\"fp_a\","
      + "\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"5\"},\"finish_reason\":\"stop\"}],"
      + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":1}}";

  @TempDir Path dir;

  private Path file(String name, Interaction... interactions) throws IOException {
    return save(dir.resolve(name), interactions);
  }

  private static Interaction ask(String url, String request) {
    return json(url, request, 200, ANSWER, "req_1", 100);
  }

  @Test
  void sameRecordingIsEquivalent() throws IOException {
    Path old = file("old.yaml", ask(CHAT, ASK));
    Cli run = Cli.run("diff", old.toString(), old.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    assertEquals("--- " + old + "\n+++ " + old + "\n1 -> 1 interaction: 0 changed, 0 added, 0 removed, 0 moved, 1 unchanged\n",
        run.out());
  }

  @Test
  void reRecordThatOnlyChangesVolatileValuesIsEquivalent() throws IOException {
    Path old = file("old.yaml", ask(CHAT, ASK));
    String reRecorded = ANSWER.replace("chatcmpl-1", "chatcmpl-2").replace("1700000000", "1700000999")
        .replace("fp_a", "fp_b");
    Path now = file("new.yaml", json(CHAT, ASK.replace("\"seed\":1", "\"seed\":7"), 200, reRecorded, "req_2", 251));

    Cli run = Cli.run("diff", old.toString(), now.toString());

    assertEquals(0, run.exit(), run.out());
    assertTrue(run.lastLine().endsWith("1 unchanged; 7 volatile differences hidden (--all shows them)"), run.out());

    Cli all = Cli.run("diff", "--all", old.toString(), now.toString());
    assertEquals(0, all.exit(), all.out());
    String out = all.out();
    assertTrue(out.contains("\n#0 POST " + CHAT + "\n"), out);
    assertTrue(out.contains("  request /seed: 1 -> 7 (volatile)\n"), out);
    assertTrue(out.contains("  duration: 100ms -> 251ms (volatile)\n"), out);
    assertTrue(out.contains("  response header X-Request-Id: req_1 -> req_2 (volatile)\n"), out);
    assertTrue(out.contains("  response header Date: "), out);
    assertTrue(out.contains("  response /id: \"chatcmpl-1\" -> \"chatcmpl-2\" (volatile)\n"), out);
    assertTrue(out.contains("  response /created: 1700000000 -> 1700000999 (volatile)\n"), out);
    assertTrue(out.contains("  response /system_fingerprint: \"fp_a\" -> \"fp_b\" (volatile)\n"), out);
    assertTrue(all.lastLine().endsWith("1 unchanged"), out);
  }

  @Test
  void changedRequestAndResponseAreNamedByJsonPointer() throws IOException {
    Path old = file("old.yaml", ask(CHAT, ASK));
    Path now = file("new.yaml", json(CHAT, ASK.replace("Add 2 and 3", "Add 2 and 4"), 500,
        ANSWER.replace("\"content\":\"5\"", "\"content\":\"6\"").replace("\"completion_tokens\":1", "\"completion_tokens\":1.0"),
        "req_1", 100));

    Cli run = Cli.run("diff", old.toString(), now.toString());

    assertEquals(1, run.exit(), run.out());
    assertEquals(String.join("\n",
        "--- " + old,
        "+++ " + now,
        "#0 POST " + CHAT,
        "  request /messages/0/content: \"Add 2 and 3\" -> \"Add 2 and 4\"",
        "  status: 200 OK -> 500 Internal Server Error",
        "  response /choices/0/message/content: \"5\" -> \"6\"",
        "1 -> 1 interaction: 1 changed, 0 added, 0 removed, 0 moved, 0 unchanged",
        ""), run.out());
  }

  @Test
  void streamsCompareTheirReassembledReply() throws IOException {
    Path old = file("old.yaml", stream(ASK, "chatcmpl-a", 1700000000,
        List.of("The results are:\n", "- Addition: 2 + 3 = 5\n", "- Multiplication: 2 × 3 = 6"),
        List.<String[]>of(new String[] {"add", "{\"a\":2,\"b\":3}"}), "stop", 30));
    Path now = file("new.yaml", stream(ASK, "chatcmpl-b", 1700000500,
        List.of("The results are:\n", "- Addition: 2 + 3 = 5\n", "- Multiplication: 2 × 3 = 7"),
        List.of(new String[] {"add", "{\"b\": 3, \"a\": 2}"}, new String[] {"multiply", "{\"a\":2,\"b\":3}"}),
        "tool_calls", 42));

    Cli run = Cli.run("diff", old.toString(), now.toString());

    assertEquals(1, run.exit(), run.out());
    String out = run.out();
    assertTrue(out.contains(String.join("\n",
        "#0 POST " + CHAT,
        "  text:",
        "      The results are:",
        "      - Addition: 2 + 3 = 5",
        "    - - Multiplication: 2 × 3 = 6",
        "    + - Multiplication: 2 × 3 = 7",
        // the first call only changed its spacing and key order: the same call
        "  tool call 1: (absent) -> multiply({\"a\":2,\"b\":3})",
        "  usage /completion_tokens: 30 -> 42",
        "  usage /total_tokens: 50 -> 62",
        "  finish reason: stop -> tool_calls",
        "")), out);
    assertFalse(out.contains("chatcmpl-"), out);
    assertTrue(run.lastLine().endsWith("volatile differences hidden (--all shows them)"), out);

    Cli all = Cli.run("diff", "--all", old.toString(), now.toString());
    assertTrue(all.out().contains("  stream /id: \"chatcmpl-a\" -> \"chatcmpl-b\" (volatile)\n"), all.out());
    assertTrue(all.out().contains("  stream: 8 events -> 10 events (volatile)\n"), all.out());
  }

  @Test
  void addedInteractionDoesNotShiftThePairs() throws IOException {
    Interaction first = ask(CHAT, ASK);
    Interaction second = ask("https://api.openai.com/v1/embeddings", "{\"input\":\"hello\"}");
    Interaction inserted = ask("https://api.openai.com/v1/moderations", "{\"input\":\"hi\"}");
    Path old = file("old.yaml", first, second);
    Path now = file("new.yaml", inserted, first, second);

    Cli run = Cli.run("diff", old.toString(), now.toString());

    assertEquals(1, run.exit(), run.out());
    assertEquals(String.join("\n",
        "--- " + old,
        "+++ " + now,
        "added #0 POST https://api.openai.com/v1/moderations -> 200 OK",
        "2 -> 3 interactions: 0 changed, 1 added, 0 removed, 0 moved, 2 unchanged",
        ""), run.out());
  }

  @Test
  void removedAndReorderedInteractionsAreReportedAsSuch() throws IOException {
    Interaction a = ask(CHAT, ASK);
    Interaction b = ask(CHAT, ASK.replace("Add 2 and 3", "Multiply 2 and 3"));
    Interaction c = ask("https://api.openai.com/v1/embeddings", "{\"input\":\"hello\"}");
    Interaction d = ask("https://api.openai.com/v1/moderations", "{\"input\":\"hi\"}");
    Path old = file("old.yaml", a, b, c, d);
    Path now = file("new.yaml", a, c, b);

    Cli run = Cli.run("diff", old.toString(), now.toString());

    assertEquals(1, run.exit(), run.out());
    assertEquals(String.join("\n",
        "--- " + old,
        "+++ " + now,
        // a and b kept their order, c moved before b
        "#2 -> #1 POST https://api.openai.com/v1/embeddings (moved)",
        "removed #3 POST https://api.openai.com/v1/moderations -> 200 OK",
        "4 -> 3 interactions: 0 changed, 0 added, 1 removed, 1 moved, 2 unchanged",
        ""), run.out());
  }

  @Test
  void anEditedRequestPairsWithTheRecordingItReplaces() throws IOException {
    String longAsk = "{\"model\":\"gpt-4o\",\"temperature\":0,\"max_tokens\":100,\"messages\":["
        + "{\"role\":\"system\",\"content\":\"You add numbers.\"},{\"role\":\"user\",\"content\":\"Add 2 and 3\"}]}";
    Path old = file("old.yaml", ask("https://api.openai.com/v1/embeddings", "{\"input\":\"x\"}"),
        ask(CHAT, longAsk), ask(CHAT, "{\"model\":\"other\",\"messages\":[]}"));
    Path now = file("new.yaml", ask(CHAT, longAsk.replace("\"temperature\":0", "\"temperature\":0.5")));

    Cli run = Cli.run("diff", old.toString(), now.toString());

    String out = run.out();
    assertTrue(out.contains("#1 -> #0 POST " + CHAT + "\n  request /temperature: 0 -> 0.5\n"), out);
    assertTrue(out.contains("removed #0 POST https://api.openai.com/v1/embeddings"), out);
    assertTrue(out.contains("removed #2 POST " + CHAT), out);
  }

  @Test
  void largeCassettesPairRequestsToTheSameUrlInOrder() throws IOException {
    int n = 600; // 600 x 600 candidate pairs is over the limit for comparing every body with every other
    Interaction[] before = new Interaction[n];
    Interaction[] after = new Interaction[n];
    for (int i = 0; i < n; i++) {
      before[i] = ask(CHAT, "{\"n\":" + i + "}");
      after[i] = ask(CHAT, "{\"n\":" + i + ",\"v\":2}");
    }
    Cli run = Cli.run("diff", file("old.yaml", before).toString(), file("new.yaml", after).toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().contains("\n#599 POST " + CHAT + "\n  request /v: (absent) -> 2\n"), run.lastLine());
    assertEquals("600 -> 600 interactions: 600 changed, 0 added, 0 removed, 0 moved, 0 unchanged", run.lastLine());
  }

  @Test
  void controlCharactersFromTheCassetteAreEscaped() throws IOException {
    Path old = file("old.yaml", stream(ASK, "c1", 1, List.of("plain"), List.of(), "stop", 1));
    Path now = file("new.yaml", stream(ASK, "c1", 1, List.of("\u001b[2J\u009bred\u202eevil\rhidden"), List.of(), "stop", 1));

    Cli run = Cli.run("diff", old.toString(), now.toString());

    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains("    + \\x1B[2J\\x9Bred\\u202Eevil\\x0Dhidden\n"), run.out());
    for (char c : run.out().toCharArray()) {
      assertFalse(c != '\n' && ControlCharacters.needsEscape(c), "raw control character " + (int) c + " in " + run.out());
    }
  }

  @Test
  void queryParametersOfTheSameEndpointAreComparedByName() throws IOException {
    String url = "https://api.example.com/v1/search";
    Path old = file("old.yaml", ask(url + "?q=cats&limit=5&request_id=r1", "{}"));
    Path now = file("new.yaml", ask(url + "?q=dogs&limit=5&request_id=r2&safe", "{}"));

    Cli run = Cli.run("diff", old.toString(), now.toString());

    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains("\n#0 POST " + url + "?q=dogs&limit=5&request_id=r2&safe\n"
        + "  request query q: cats -> dogs\n  request query safe: (absent) -> \"\"\n"), run.out());
    assertTrue(run.lastLine().endsWith("; 1 volatile difference hidden (--all shows them)"), run.out());
  }

  @Test
  void hostileUrlsStatusesAndHeadersAreEscaped() throws IOException {
    String esc = "\u001b";
    Interaction hostile = Interaction.of(
        Request.builder().method("GET" + esc + "[1A").url("https://api.example.com/" + esc + "]0;pwned\u0007x").build(),
        Response.builder().code(200).status("200 OK" + esc + "[2J")
            .headers(Multimap.of("X-Note" + esc, "a" + esc + "[31m")).build());
    Interaction tame = Interaction.of(hostile.request(), hostile.response().toBuilder()
        .headers(Multimap.of("X-Note" + esc, "b")).build());
    Path old = file("old.yaml", hostile);
    Path now = file("new.yaml", tame, ask(CHAT, ASK));

    Cli removed = Cli.run("diff", now.toString(), old.toString());
    Cli changed = Cli.run("diff", old.toString(), now.toString());

    for (Cli run : List.of(removed, changed)) {
      assertEquals(1, run.exit(), run.err());
      for (char c : run.out().toCharArray()) {
        assertFalse(c != '\n' && ControlCharacters.needsEscape(c), "raw control character " + (int) c + " in " + run.out());
      }
    }
    assertTrue(changed.out().contains("#0 GET\\x1B[1A https://api.example.com/\\x1B]0;pwned\\x07x\n"
        + "  response header X-Note\\x1B: a\\x1B[31m -> b\n"), changed.out());
    assertTrue(removed.out().contains("removed #1 POST " + CHAT + " -> 200 OK\n"), removed.out());
  }

  @Test
  void multiLineStringValuesAreComparedLineByLine() throws IOException {
    Path old = file("old.yaml", ask(CHAT, "{\"prompt\":\"one\\ntwo\\nthree\"}"));
    Path now = file("new.yaml", ask(CHAT, "{\"prompt\":\"one\\n2\\nthree\"}"));
    Cli run = Cli.run("diff", old.toString(), now.toString());
    assertTrue(run.out().contains("  request /prompt:\n      one\n    - two\n    + 2\n      three\n"), run.out());
  }

  @Test
  void brokenFileFailsWithStatus2AndItsPlace() throws IOException {
    Path good = file("good.yaml", ask(CHAT, ASK));
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "---\nversion: 2\ninteractions:\n- id: 0\n  request: [\n");
    Cli run = Cli.run("diff", good.toString(), bad.toString());
    assertEquals(2, run.exit());
    assertEquals("", run.out());
    assertTrue(run.err().matches("(?s)" + java.util.regex.Pattern.quote(bad.toString()) + ":\\d+:\\d+: .*"), run.err());
  }

  @Test
  void wrongCommandLinesAreUsageErrors() throws IOException {
    Path good = file("good.yaml", ask(CHAT, ASK));
    assertUsage(Cli.run("diff"), "cassette: diff: expected OLD NEW, or one FILE to compare with git HEAD; got 0 paths");
    assertUsage(Cli.run("diff", good.toString(), good.toString(), good.toString()),
        "cassette: diff: expected OLD NEW, or one FILE to compare with git HEAD; got 3 paths");
    assertUsage(Cli.run("diff", "--ids", good.toString()), "cassette: diff: unknown option --ids");
    assertUsage(Cli.run("diff", good.toString(), dir.resolve("none.yaml").toString()),
        "cassette: " + dir.resolve("none.yaml") + ": no such file");
    assertUsage(Cli.run("diff", dir.toString(), good.toString()),
        "cassette: " + dir + ": is a folder; diff compares two files");
  }

  private static void assertUsage(Cli run, String firstLine) {
    assertEquals(2, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(firstLine, run.err().lines().findFirst().orElse(""));
  }

  @Test
  void everyFixtureIsEquivalentToItself() throws IOException {
    for (Path copy : Fixtures.copyTo(dir)) {
      Cli run = Cli.run("diff", copy.toString(), copy.toString());
      assertEquals(0, run.exit(), copy + ": " + run.out() + run.err());
    }
  }

  @Test
  void neighbouringCorpusCassettesCompareWithoutErrors() throws IOException {
    Path corpus = SharedFiles.require("corpus");
    List<Path> files;
    try (Stream<Path> tree = Files.walk(corpus)) {
      files = tree.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() > 100, "corpus files: " + files.size());
    // real recordings of similar calls (same provider, neighbouring tests): the whole comparison runs on
    // real data; every 7th pair keeps the test short while still visiting every provider's folder
    int compared = 0;
    for (int i = 7; i < files.size(); i += 7) {
      Cli run = Cli.run("diff", files.get(i - 1).toString(), files.get(i).toString());
      assertEquals(1, run.exit(), files.get(i) + ": " + run.err());
      assertTrue(run.lastLine().matches("\\d+ -> \\d+ interactions?: \\d+ changed, .*"), run.out());
      for (char c : run.out().toCharArray()) {
        assertFalse(c != '\n' && ControlCharacters.needsEscape(c), files.get(i) + ": raw control character " + (int) c);
      }
      compared++;
    }
    assertTrue(compared > 40, "compared: " + compared);
  }
}
