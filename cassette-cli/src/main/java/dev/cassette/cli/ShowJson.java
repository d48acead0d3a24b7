package dev.cassette.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cassette.core.Body;
import dev.cassette.core.Cassette;
import dev.cassette.core.Interaction;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code cassette show --json FILE}: the summary {@code show} prints, as one JSON document for scripts.
 * The shape is documented in {@code docs/show-json.md} and only ever grows: fields are added, never
 * renamed or removed, and {@code "format": 1} changes only if that promise must be broken.
 *
 * <p>Control characters that JSON allows raw (DEL, C1 controls, bidirectional overrides) are written
 * as {@code \}{@code uXXXX}, so the output is still safe to print on a terminal and decodes to the same
 * text.
 */
final class ShowJson {
  /** Bumped only for a change that breaks scripts; additions keep it. */
  static final int FORMAT = 1;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter WRITER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build()
      .writer()
      .with(new TerminalSafeEscapes());

  private final StreamReassembler reassembler = new StreamReassembler();

  /** The whole document for one cassette, ending with a newline. */
  String write(Path path, Cassette cassette) {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("file", path.toString());
    root.put("layout", lower(cassette.layout().name()));
    root.put("profile", lower(cassette.profile().name()));
    ArrayNode interactions = root.putArray("interactions");
    for (int index = 0; index < cassette.interactions().size(); index++) {
      interactions.add(interaction(index, cassette.interactions().get(index)));
    }
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the JSON summary", e);
    }
  }

  private ObjectNode interaction(int index, Interaction interaction) {
    Request request = interaction.request();
    Response response = interaction.response();
    ObjectNode node = NODES.objectNode();
    node.put("index", index);
    node.put("method", request.method());
    node.put("url", request.url());
    node.put("status", response.code());
    node.put("statusText", response.status());
    node.put("protocol", response.proto());
    node.put("duration", response.duration().toString());
    node.put("durationNanos", response.duration().toNanos());
    node.set("request", body(request.body(), request.headers()));
    node.set("response", body(response.body(), response.headers()));
    node.set("stream", stream(response));
    return node;
  }

  private static ObjectNode body(Body body, Multimap headers) {
    ObjectNode node = NODES.objectNode();
    node.put("bytes", body.length());
    node.put("binary", !body.isUtf8());
    node.put("contentType", headers.firstIgnoreCase("Content-Type"));
    return node;
  }

  private ObjectNode stream(Response response) {
    Body body = response.body();
    if (!body.isUtf8() || !StreamReassembler.isEventStream(response.headers().firstIgnoreCase("Content-Type"), body.text())) {
      return null;
    }
    StreamReassembler.Result result = reassembler.reassemble(body.text());
    Transcript transcript = result.transcript();
    ObjectNode node = NODES.objectNode();
    node.put("events", result.events());
    node.put("dialect", result.dialect().isEmpty() ? null : result.dialect());
    node.put("text", transcript.text());
    ArrayNode calls = node.putArray("toolCalls");
    for (ToolCall call : transcript.toolCalls()) {
      calls.addObject().put("name", call.name()).put("arguments", call.arguments());
    }
    node.set("usage", transcript.usage().isEmpty() ? null : transcript.usage());
    node.put("finishReason", transcript.finishReason().isEmpty() ? null : transcript.finishReason());
    return node;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** JSON's own escapes, plus {@code \}{@code uXXXX} for the controls {@link ControlCharacters} names. */
  private static final class TerminalSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    TerminalSafeEscapes() {
      ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch <= 0xffff && ControlCharacters.needsEscape((char) ch)
          ? new SerializedString(String.format("\\u%04x", ch))
          : null;
    }
  }
}
