package dev.cassette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cassette show --json}: the documented shape (docs/show-json.md), read back as a script would. */
class ShowJsonTest {
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  private JsonNode show(Path file) throws IOException {
    Cli run = Cli.run("show", "--json", file.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    return json.readTree(run.out());
  }

  @Test
  void seedStreamsAreReassembled() throws IOException {
    Path seed = Fixtures.copy("huggingface/multi_tool_streaming.yaml", dir);

    JsonNode root = show(seed);

    assertEquals(1, root.path("format").asInt());
    assertEquals(seed.toString(), root.path("file").asText());
    assertEquals("compact", root.path("layout").asText());
    assertEquals("modern", root.path("profile").asText());
    assertEquals(2, root.path("interactions").size());
    JsonNode first = root.path("interactions").path(0);
    assertEquals(0, first.path("index").asInt());
    assertEquals("POST", first.path("method").asText());
    assertEquals("https://router.huggingface.co/v1/chat/completions", first.path("url").asText());
    assertEquals(200, first.path("status").asInt());
    assertEquals("200 OK", first.path("statusText").asText());
    assertEquals("HTTP/2.0", first.path("protocol").asText());
    assertTrue(first.path("duration").asText().endsWith("s"), first.toString());
    assertTrue(first.path("durationNanos").asLong() > 0, first.toString());
    assertEquals(879, first.path("request").path("bytes").asInt());
    assertFalse(first.path("request").path("binary").asBoolean());
    assertEquals("application/json", first.path("request").path("contentType").asText());
    JsonNode stream = first.path("stream");
    assertEquals("OpenAI chat completions", stream.path("dialect").asText());
    assertTrue(stream.path("events").asInt() > 10, stream.toString());
    assertEquals("I'll add and multiply the numbers 2 and 3 for you.", stream.path("text").asText());
    assertEquals(json.readTree("[{\"name\":\"add\",\"arguments\":\"{\\\"a\\\":2,\\\"b\\\":3}\"},"
        + "{\"name\":\"multiply\",\"arguments\":\"{\\\"a\\\":2,\\\"b\\\":3}\"}]"), stream.path("toolCalls"));
    assertEquals(201, stream.path("usage").path("prompt_tokens").asInt());
    assertEquals(55, stream.path("usage").path("completion_tokens").asInt());
    assertEquals("tool_calls", stream.path("finishReason").asText());
    assertEquals("stop", root.path("interactions").path(1).path("stream").path("finishReason").asText());
  }

  @Test
  void anthropicUsageIsMergedFromStartAndEnd() throws IOException {
    JsonNode stream = show(Fixtures.copy("anthropic/multi_tool_streaming.yaml", dir))
        .path("interactions").path(0).path("stream");
    assertEquals(502, stream.path("usage").path("input_tokens").asInt());
    assertEquals(137, stream.path("usage").path("output_tokens").asInt());
    assertEquals("tool_use", stream.path("finishReason").asText());
  }

  @Test
  void plainResponsesHaveNoStream() throws IOException {
    JsonNode first = show(Fixtures.copy("anthropic/simple.yaml", dir)).path("interactions").path(0);
    assertTrue(first.path("stream").isNull(), first.toString());
    assertEquals("application/json", first.path("response").path("contentType").asText());
  }

  @Test
  void binaryBodiesAreMarked() throws IOException {
    JsonNode response = show(Fixtures.copy("bedrock/simple_streaming.yaml", dir)).path("interactions").path(0).path("response");
    assertTrue(response.path("binary").asBoolean(), response.toString());
  }

  @Test
  void terminalControlsAreEscapedAndDecodeToTheSameText() throws IOException {
    String url = "https://example.com/\u009b31m\u202e";
    String text = "a\u001b[2Jb\u007fc\u2066d";
    Path file = dir.resolve("evil.yaml");
    Cassette.builder().interactions(List.of(Interaction.of(
        Request.builder().method("GET").url(url).build(),
        Response.builder().headers(Multimap.of("Content-Type", "text/event-stream"))
            .body("data: {\"choices\":[{\"delta\":{\"content\":" + Recordings.quote(text) + "}}]}\n\n").build())))
        .build().save(file);

    Cli run = Cli.run("show", "--json", file.toString());

    assertEquals(0, run.exit(), run.err());
    for (char c : run.out().toCharArray()) {
      assertFalse(c != '\n' && ControlCharacters.needsEscape(c), "raw control character " + (int) c + " in " + run.out());
    }
    JsonNode first = json.readTree(run.out()).path("interactions").path(0);
    assertEquals(url, first.path("url").asText());
    assertEquals(text, first.path("stream").path("text").asText());
    assertTrue(first.path("stream").path("usage").isNull(), first.toString());
  }
}
