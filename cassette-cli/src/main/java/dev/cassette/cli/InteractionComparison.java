package dev.cassette.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cassette.core.Body;
import dev.cassette.core.Interaction;
import dev.cassette.core.Multimap;
import dev.cassette.core.Request;
import dev.cassette.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What differs between two recordings of one interaction, in the terms a reviewer of a re-record thinks
 * in: the request (URL, headers, JSON body by JSON Pointer), the status, the response headers and body,
 * and for a streamed LLM reply the reassembled text line by line, the tool calls, the token usage and
 * why the reply ended, rather than hundreds of chunk lines that differ in their ids.
 */
final class InteractionComparison {
  /** Differences listed per body before the rest is only counted, so one rewrite cannot flood the screen. */
  private static final int MAX_BODY_FINDINGS = 20;
  /** Longest value printed whole; longer strings show a window around their first difference. */
  private static final int MAX_VALUE = 100;
  /** Fields of stream events worth comparing beside the reply itself (volatile ones are added too). */
  private static final Set<String> STREAM_FIELDS = Set.of("model", "modelVersion", "service_tier");

  private final StreamReassembler reassembler;
  private final List<Finding> findings = new ArrayList<>();

  private InteractionComparison(StreamReassembler reassembler) {
    this.reassembler = reassembler;
  }

  /** The differences between an old and a new recording, in reading order; empty when they are the same. */
  static List<Finding> compare(Interaction before, Interaction after, StreamReassembler reassembler) {
    if (before.equals(after)) return List.of();
    InteractionComparison comparison = new InteractionComparison(reassembler);
    comparison.request(before.request(), after.request());
    comparison.response(before.response(), after.response());
    return List.copyOf(comparison.findings);
  }

  private void request(Request a, Request b) {
    // the method always agrees: only requests with the same method are paired
    if (!a.url().equals(b.url())) url(a.url(), b.url());
    headers("request", a.headers(), b.headers());
    body("request", a.body(), b.body());
  }

  /**
   * For the same path, the query parameters that differ, each judged volatile by its name like a JSON
   * field ({@code request_id}, {@code timestamp}); else both URLs.
   */
  private void url(String a, String b) {
    if (!path(a).equals(path(b))) {
      add(false, "request url: " + esc(a) + " -> " + esc(b));
      return;
    }
    Map<String, List<String>> before = parameters(a);
    Map<String, List<String>> after = parameters(b);
    Map<String, List<String>> names = new LinkedHashMap<>(before);
    after.forEach(names::putIfAbsent);
    for (String name : names.keySet()) {
      List<String> valuesA = before.getOrDefault(name, List.of());
      List<String> valuesB = after.getOrDefault(name, List.of());
      if (valuesA.equals(valuesB)) continue;
      add(VolatileValues.isField(name), "request query " + esc(name) + ": " + queryValues(valuesA) + " -> "
          + queryValues(valuesB));
    }
  }

  private static String queryValues(List<String> values) {
    if (values.isEmpty()) return "(absent)";
    return esc(String.join(", ", values.stream().map(v -> v.isEmpty() ? "\"\"" : v).toList()));
  }

  private static String path(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  /** The raw query parameters by name, in order; a parameter without {@code =} has the empty value. */
  private static Map<String, List<String>> parameters(String url) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    int query = url.indexOf('?');
    if (query < 0) return parameters;
    int fragment = url.indexOf('#', query);
    String text = url.substring(query + 1, fragment < 0 ? url.length() : fragment);
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) continue;
      int equals = pair.indexOf('=');
      parameters.computeIfAbsent(equals < 0 ? pair : pair.substring(0, equals), k -> new ArrayList<>())
          .add(equals < 0 ? "" : pair.substring(equals + 1));
    }
    return parameters;
  }

  private void response(Response a, Response b) {
    if (!a.status().equals(b.status())) add(false, "status: " + esc(a.status()) + " -> " + esc(b.status()));
    if (!a.proto().equals(b.proto())) add(false, "protocol: " + esc(a.proto()) + " -> " + esc(b.proto()));
    if (!a.duration().equals(b.duration())) add(true, "duration: " + a.duration() + " -> " + b.duration());
    headers("response", a.headers(), b.headers());
    boolean streamA = isStream(a);
    boolean streamB = isStream(b);
    if (streamA && streamB) {
      stream(a.body().text(), b.body().text());
    } else {
      body("response", a.body(), b.body());
    }
  }

  private static boolean isStream(Response response) {
    Body body = response.body();
    return body.isUtf8() && StreamReassembler.isEventStream(response.headers().firstIgnoreCase("Content-Type"), body.text());
  }

  private void headers(String side, Multimap a, Multimap b) {
    Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : a.names()) names.putIfAbsent(name, name);
    for (String name : b.names()) names.putIfAbsent(name, name);
    for (String name : names.values()) {
      List<String> before = a.getIgnoreCase(name);
      List<String> after = b.getIgnoreCase(name);
      if (before.equals(after)) continue;
      add(VolatileValues.isHeader(name), side + " header " + esc(name) + ": " + headerValues(before) + " -> "
          + headerValues(after));
    }
  }

  private static String headerValues(List<String> values) {
    return values.isEmpty() ? "(absent)" : esc(String.join(", ", values));
  }

  private void body(String side, Body a, Body b) {
    if (a.equals(b)) return;
    if (!a.isUtf8() || !b.isUtf8()) {
      add(false, side + " body: " + size(a) + " -> " + size(b));
      return;
    }
    JsonNode jsonA = JsonValues.parse(a.text());
    JsonNode jsonB = JsonValues.parse(b.text());
    if (jsonA != null && jsonB != null) {
      json(side, "", jsonA, jsonB);
      return;
    }
    List<LineDiff.Line> lines = LineDiff.between(a.text(), b.text());
    if (!LineDiff.isUnchanged(lines)) add(false, side + " body:", LineDiff.render(lines));
  }

  private static String size(Body body) {
    if (body.isEmpty()) return "no body";
    return (body.isUtf8() ? "" : "binary, ") + body.length() + " bytes";
  }

  /** JSON differences by pointer, each one volatile or not; {@code prefix} goes before each pointer. */
  private void json(String side, String prefix, JsonNode a, JsonNode b) {
    int shown = 0;
    int more = 0;
    for (JsonValues.Difference d : JsonValues.differences(a, b)) {
      boolean isVolatile = VolatileValues.isPointer(d.pointer()) || (d.before().isTextual() && d.after().isTextual()
          && VolatileValues.isDateTime(d.before().asText()) && VolatileValues.isDateTime(d.after().asText()));
      if (!isVolatile && shown == MAX_BODY_FINDINGS) {
        more++;
        continue;
      }
      if (!isVolatile) shown++;
      String place = side + " " + prefix + esc(d.pointer());
      if (d.before().isTextual() && d.after().isTextual()
          && (d.before().asText().contains("\n") || d.after().asText().contains("\n"))) {
        add(isVolatile, place + ":", LineDiff.render(LineDiff.between(d.before().asText(), d.after().asText())));
      } else {
        add(isVolatile, place + ": " + values(d.before(), d.after()));
      }
    }
    if (more > 0) add(false, side + " " + prefix + "body: " + more + " more differences not shown");
  }

  private void stream(String a, String b) {
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
      add(VolatileValues.isPointer(d.pointer()), "usage " + esc(d.pointer()) + ": " + values(d.before(), d.after()));
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
      add(!STREAM_FIELDS.contains(last(pointer)), "stream " + esc(pointer) + ": " + values(valueA, valueB));
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
    return call == null ? "(absent)" : cut(esc(call.toString()));
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

  /** Both values, as JSON, long strings cut to a window around their first difference. */
  private static String values(JsonNode a, JsonNode b) {
    String before = JsonValues.write(a);
    String after = JsonValues.write(b);
    if (before.length() <= MAX_VALUE && after.length() <= MAX_VALUE) return esc(before) + " -> " + esc(after);
    int at = 0;
    while (at < before.length() && at < after.length() && before.charAt(at) == after.charAt(at)) at++;
    return window(before, at) + " -> " + window(after, at);
  }

  private static String window(String text, int at) {
    int from = Math.max(0, Math.min(at - 30, text.length() - MAX_VALUE));
    int to = Math.min(text.length(), from + MAX_VALUE);
    return (from > 0 ? "..." : "") + esc(text.substring(from, to)) + (to < text.length() ? "..." : "");
  }

  private static String cut(String text) {
    return text.length() <= 2 * MAX_VALUE ? text : text.substring(0, 2 * MAX_VALUE) + "...";
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
