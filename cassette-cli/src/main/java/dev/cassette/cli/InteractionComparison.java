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
import java.util.TreeMap;

/**
 * What differs between two recordings of one interaction, in the terms a reviewer of a re-record thinks
 * in: the request (query parameters, headers, JSON body by JSON Pointer), the status, the response
 * headers and body; a streamed LLM reply is compared by {@link StreamComparison}, as the reply it adds
 * up to rather than hundreds of chunk lines that differ in their ids.
 */
final class InteractionComparison {
  /** Differences listed per body before the rest is only counted, so one rewrite cannot flood the screen. */
  private static final int MAX_BODY_FINDINGS = 20;

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
      StreamComparison.compare(a.body().text(), b.body().text(), reassembler, findings);
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
      json(side, jsonA, jsonB);
      return;
    }
    List<LineDiff.Line> lines = LineDiff.between(a.text(), b.text());
    if (!LineDiff.isUnchanged(lines)) add(false, side + " body:", LineDiff.render(lines));
  }

  private static String size(Body body) {
    if (body.isEmpty()) return "no body";
    return (body.isUtf8() ? "" : "binary, ") + body.length() + " bytes";
  }

  /** JSON differences by pointer, each one volatile or not. */
  private void json(String side, JsonNode a, JsonNode b) {
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
      String place = side + " " + esc(d.pointer());
      if (d.before().isTextual() && d.after().isTextual()
          && (d.before().asText().contains("\n") || d.after().asText().contains("\n"))) {
        add(isVolatile, place + ":", LineDiff.render(LineDiff.between(d.before().asText(), d.after().asText())));
      } else {
        add(isVolatile, place + ": " + ChangeText.values(d.before(), d.after()));
      }
    }
    if (more > 0) add(false, side + " body: " + more + " more differences not shown");
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
