package dev.cassette.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two recordings of a server-sent-event stream compared as the reply they add up to: the reassembled
 * text line by line, the tool calls (arguments compared as JSON), the token usage, why the reply ended
 * and the model that answered. Chunking, ids and timestamps differ on every recording and are volatile.
 * A stream no dialect reads is compared event by event, each without its volatile fields.
 */
final class StreamComparison {
  /** Fields of stream events worth comparing beside the reply itself (volatile ones are collected too). */
  private static final Set<String> STREAM_FIELDS = Set.of("model", "modelVersion", "service_tier");

  private final List<Finding> findings;

  private StreamComparison(List<Finding> findings) {
    this.findings = findings;
  }

  /** Adds the differences between two recorded streams to {@code findings}. */
  static void compare(String a, String b, StreamReassembler reassembler, List<Finding> findings) {
    new StreamComparison(findings).compare(a, b, reassembler);
  }

  private void compare(String a, String b, StreamReassembler reassembler) {
    StreamReassembler.Result streamA = reassembler.reassemble(a);
    StreamReassembler.Result streamB = reassembler.reassemble(b);
    if (streamA.events() != streamB.events()) {
      add(true, "stream: " + streamA.events() + " events -> " + streamB.events() + " events");
    }
    if (!streamA.dialect().equals(streamB.dialect())) {
      add(false, "stream: " + dialect(streamA) + " -> " + dialect(streamB));
    }
    if (streamA.dialect().isEmpty() && streamB.dialect().isEmpty()) {
      // a stream no dialect reads: compare its events, each without its volatile fields
      List<LineDiff.Line> lines = LineDiff.between(events(a), events(b));
      if (!LineDiff.isUnchanged(lines)) add(false, "stream events:", LineDiff.render(lines));
      return;
    }
    Transcript before = streamA.transcript();
    Transcript after = streamB.transcript();
    List<LineDiff.Line> text = LineDiff.between(before.text(), after.text());
    if (!LineDiff.isUnchanged(text)) add(false, "text:", LineDiff.render(text));
    toolCalls(before.toolCalls(), after.toolCalls());
    for (JsonValues.Difference d : JsonValues.differences(before.usage(), after.usage())) {
      add(VolatileValues.isPointer(d.pointer()), "usage " + esc(d.pointer()) + ": " + ChangeText.values(d.before(), d.after()));
    }
    if (!before.finishReason().equals(after.finishReason())) {
      add(false, "finish reason: " + reason(before.finishReason()) + " -> " + reason(after.finishReason()));
    }
    Map<String, JsonNode> fieldsA = streamFields(a);
    Map<String, JsonNode> fieldsB = streamFields(b);
    Map<String, JsonNode> places = new LinkedHashMap<>(fieldsA);
    fieldsB.forEach(places::putIfAbsent);
    for (String pointer : places.keySet()) {
      JsonNode valueA = fieldsA.getOrDefault(pointer, JsonValues.missing());
      JsonNode valueB = fieldsB.getOrDefault(pointer, JsonValues.missing());
      if (JsonValues.same(valueA, valueB)) continue;
      add(!STREAM_FIELDS.contains(last(pointer)), "stream " + esc(pointer) + ": " + ChangeText.values(valueA, valueB));
    }
  }

  private static String dialect(StreamReassembler.Result stream) {
    return stream.dialect().isEmpty() ? "unknown format" : stream.dialect();
  }

  private static String reason(String reason) {
    return reason.isEmpty() ? "(none)" : esc(reason);
  }

  private void toolCalls(List<ToolCall> a, List<ToolCall> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      ToolCall before = i < a.size() ? a.get(i) : null;
      ToolCall after = i < b.size() ? b.get(i) : null;
      if (before != null && after != null && before.name().equals(after.name())
          && sameArguments(before.arguments(), after.arguments())) {
        continue;
      }
      add(false, "tool call " + i + ": " + call(before) + " -> " + call(after));
    }
  }

  /** Arguments are JSON text as the model produced it: spacing and key order do not change the call. */
  private static boolean sameArguments(String a, String b) {
    if (a.equals(b)) return true;
    JsonNode jsonA = JsonValues.parse(a);
    JsonNode jsonB = JsonValues.parse(b);
    return jsonA != null && jsonB != null && JsonValues.same(jsonA, jsonB);
  }

  private static String call(ToolCall call) {
    return call == null ? "(absent)" : ChangeText.cut(esc(call.toString()));
  }

  /** Each event on one line: its name and its data without volatile fields, keys sorted. */
  private static String events(String body) {
    StringBuilder out = new StringBuilder();
    for (ServerSentEvent event : ServerSentEvent.parse(body)) {
      JsonNode data = JsonValues.parse(event.data());
      String shown = data == null ? event.data().replace("\n", "\\n") : JsonValues.canonical(data);
      if (out.length() > 0) out.append('\n');
      out.append(event.name().isEmpty() ? "" : event.name() + " ").append(shown);
    }
    return out.toString();
  }

  /**
   * The first value of each model name and volatile field across the stream's events, by pointer within
   * the event: {@code /model}, {@code /id}, {@code /created}, {@code /message/id}...
   */
  private static Map<String, JsonNode> streamFields(String body) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (ServerSentEvent event : ServerSentEvent.parse(body)) {
      JsonNode data = JsonValues.parse(event.data());
      if (data == null) continue;
      JsonValues.leaves(data, (pointer, value) -> {
        if (STREAM_FIELDS.contains(last(pointer)) || VolatileValues.isPointer(pointer)) fields.putIfAbsent(pointer, value);
      });
    }
    return fields;
  }

  private static String last(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }

  private static String esc(String text) {
    return ControlCharacters.escape(text);
  }

  private void add(boolean isVolatile, String heading) {
    findings.add(Finding.of(isVolatile, heading));
  }

  private void add(boolean isVolatile, String heading, List<String> lines) {
    findings.add(new Finding(isVolatile, heading, lines));
  }
}
