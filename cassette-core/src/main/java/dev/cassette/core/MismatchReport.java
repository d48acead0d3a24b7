package dev.cassette.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The report of a {@link NoMatchingInteractionException}: which cassette, which request, and the nearest
 * recorded requests with what differs in each; {@link #ADVICE} says how to re-record. A failing replay is usually a
 * changed request body deep in a JSON document, so bodies are compared JSON-aware and the differing
 * places are named by JSON Pointer.
 */
final class MismatchReport {
  private static final int CANDIDATES = 3;
  private static final int BODY_EXCERPT = 200;
  private static final int VALUE_EXCERPT = 80;
  private static final int JSON_DIFFERENCES = 5;

  /**
   * What fixes a request that no longer matches its recording. Not REPLAY_WITH_NEW_EPISODES: it only
   * appends, so the recording of a changed request would stay in the file unused, and a test that
   * requires every recording to be replayed would fail from then on.
   */
  static final String ADVICE = "To fix it, record the cassette again in mode RECORD_ONLY against the real"
      + " service (under @UseCassette: -Dcassette.mode=record). Not REPLAY_WITH_NEW_EPISODES: it only"
      + " appends, so the recording of a changed request would stay in the file, never replayed.";

  private final Path path;
  private final Mode mode;
  private final Matcher matcher;
  private final InteractionIndex index;

  MismatchReport(Path path, Mode mode, Matcher matcher, InteractionIndex index) {
    this.path = path;
    this.mode = mode;
    this.matcher = matcher;
    this.index = index;
  }

  /** The report for a live request (already redacted, so that no secret reaches a test report). */
  String describe(Request live) {
    StringBuilder out = new StringBuilder();
    out.append("No recorded interaction matches ").append(live.method()).append(' ').append(live.url()).append('\n');
    if (!live.body().isEmpty()) {
      out.append("  request body (").append(live.body().length()).append(" bytes): ")
          .append(excerpt(live.body(), BODY_EXCERPT)).append('\n');
    }
    out.append("  cassette: ").append(path.toAbsolutePath()).append(" (mode ").append(mode).append(", ")
        .append(index.size()).append(index.size() == 1 ? " interaction, " : " interactions, ")
        .append(index.unusedCount()).append(" not yet replayed)\n");

    List<Candidate> nearest = nearest(live);
    if (nearest.isEmpty()) {
      out.append("The cassette holds no interactions.\n");
    } else {
      out.append("Nearest recorded interactions:\n");
      for (Candidate c : nearest) describe(c, live, out);
    }
    out.setLength(out.length() - 1); // the last line's newline
    return out.toString();
  }

  private record Candidate(int position, boolean method, boolean url, boolean body, boolean used) {
    int score() {
      return (method ? 1 : 0) + (url ? 1 : 0) + (body ? 1 : 0);
    }
  }

  private List<Candidate> nearest(Request live) {
    String liveBody = Matchers.bodyForm(live, List.of());
    List<Candidate> all = new ArrayList<>(index.size());
    for (int i = 0; i < index.size(); i++) {
      Request recorded = index.view(i);
      all.add(new Candidate(i, recorded.method().equals(live.method()),
          UrlNormalizer.normalize(recorded.url()).equals(UrlNormalizer.normalize(live.url())),
          Matchers.bodyForm(recorded, List.of()).equals(liveBody), index.isUsed(i)));
    }
    // among equal scores, a request to the same URL is the likelier edit of the live one
    all.sort(Comparator.comparingInt(Candidate::score).reversed()
        .thenComparing(Candidate::url, Comparator.reverseOrder())
        .thenComparing(Candidate::used)
        .thenComparingInt(Candidate::position));
    return all.subList(0, Math.min(CANDIDATES, all.size()));
  }

  private void describe(Candidate c, Request live, StringBuilder out) {
    Request recorded = index.view(c.position());
    out.append("  #").append(c.position()).append(' ').append(recorded.method()).append(' ')
        .append(recorded.url()).append(" (").append(agreement(c)).append(")\n");
    if (c.used()) {
      out.append("      already replayed: each interaction answers one request unless repeats are allowed"
          + " (allowRepeats(true)); record the repeated request too\n");
    }
    if (!c.method()) {
      out.append("      method: recorded ").append(recorded.method()).append(", live ").append(live.method()).append('\n');
    }
    if (!c.url()) describeUrl(recorded.url(), live.url(), out);
    if (!c.body()) describeBody(recorded.body(), live.body(), out);
    if (c.score() == 3 && !c.used()) {
      boolean headersDiffer = describeHeaders(recorded.headers(), live.headers(), out);
      out.append("      method, URL and body agree; the matcher (").append(matcher)
          .append(") compares more than these").append(headersDiffer ? ", such as the headers above" : "")
          .append('\n');
    }
  }

  /**
   * The headers that differ, names ignoring case; both sides are redacted, so only headers the cassette
   * keeps can show. False when none differ.
   */
  private static boolean describeHeaders(Multimap recorded, Multimap live, StringBuilder out) {
    Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : recorded.names()) names.putIfAbsent(name, name);
    for (String name : live.names()) names.putIfAbsent(name, name);
    boolean any = false;
    for (String name : names.values()) {
      List<String> a = recorded.getIgnoreCase(name);
      List<String> b = live.getIgnoreCase(name);
      if (a.equals(b)) continue;
      any = true;
      out.append("      header ").append(name).append(": recorded ").append(a.isEmpty() ? "(absent)" : values(a))
          .append(", live ").append(b.isEmpty() ? "(absent)" : values(b)).append('\n');
    }
    return any;
  }

  private static String agreement(Candidate c) {
    List<String> agree = new ArrayList<>();
    List<String> differ = new ArrayList<>();
    (c.method() ? agree : differ).add("method");
    (c.url() ? agree : differ).add("URL");
    (c.body() ? agree : differ).add("body");
    if (differ.isEmpty()) return "method, URL and body agree";
    if (agree.isEmpty()) return "method, URL and body differ";
    return String.join(", ", agree) + (agree.size() == 1 ? " agrees; " : " agree; ")
        + String.join(", ", differ) + (differ.size() == 1 ? " differs" : " differ");
  }

  private static void describeUrl(String recorded, String live, StringBuilder out) {
    out.append("      url: recorded ").append(recorded).append('\n');
    out.append("           live     ").append(live).append('\n');
    // compared as matching compares them, so that spellings of one value are not shown as a difference
    String recordedForm = UrlNormalizer.normalize(recorded);
    String liveForm = UrlNormalizer.normalize(live);
    if (!withoutQuery(recordedForm).equals(withoutQuery(liveForm))) return;
    // same endpoint: name the parameters that differ, which long URLs hide
    Map<String, List<String>> recordedParameters = parameters(recordedForm);
    Map<String, List<String>> liveParameters = parameters(liveForm);
    Set<String> names = new LinkedHashSet<>(recordedParameters.keySet());
    names.addAll(liveParameters.keySet());
    for (String name : names) {
      List<String> a = recordedParameters.get(name);
      List<String> b = liveParameters.get(name);
      if (Objects.equals(a, b)) continue;
      out.append("      query ").append(name).append(": recorded ").append(values(a))
          .append(", live ").append(values(b)).append('\n');
    }
  }

  private static String values(List<String> values) {
    if (values == null) return "(absent)";
    List<String> shown = new ArrayList<>();
    for (String value : values) shown.add(value.isEmpty() ? "\"\"" : value);
    return String.join(", ", shown);
  }

  private static String withoutQuery(String url) {
    int question = url.indexOf('?');
    return question < 0 ? url : url.substring(0, question);
  }

  private static Map<String, List<String>> parameters(String url) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    QueryString.editUrl(url, (name, pair) -> {
      int equals = pair.indexOf('=');
      parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(equals < 0 ? "" : pair.substring(equals + 1));
      return pair;
    });
    return parameters;
  }

  private static void describeBody(Body recorded, Body live, StringBuilder out) {
    JsonNode recordedJson = json(recorded);
    JsonNode liveJson = json(live);
    if (recordedJson != null && liveJson != null) {
      List<Json.Difference> differences = Json.differences(recordedJson, liveJson, JSON_DIFFERENCES + 1);
      for (Json.Difference d : differences.subList(0, Math.min(JSON_DIFFERENCES, differences.size()))) {
        out.append("      body ").append(d.pointer()).append(": recorded ").append(cut(d.recorded(), VALUE_EXCERPT))
            .append(", live ").append(cut(d.live(), VALUE_EXCERPT)).append('\n');
      }
      if (differences.size() > JSON_DIFFERENCES) out.append("      body: more differences follow\n");
      return;
    }
    String a = recorded.goString().replace("\r\n", "\n");
    String b = live.goString().replace("\r\n", "\n");
    int at = 0;
    while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) at++;
    out.append("      body differs at character ").append(at).append(": recorded ")
        .append(around(a, at)).append(", live ").append(around(b, at)).append('\n');
  }

  private static JsonNode json(Body body) {
    return body.isEmpty() || !body.isUtf8() ? null : Json.parse(body.text().replace("\r\n", "\n"));
  }

  private static String around(String text, int at) {
    if (text.isEmpty()) return "(empty)";
    int from = Math.max(0, at - 20);
    String shown = text.substring(from, Math.min(text.length(), from + VALUE_EXCERPT));
    return (from > 0 ? "..." : "") + quote(shown) + (from + shown.length() < text.length() ? "..." : "");
  }

  private static String excerpt(Body body, int max) {
    if (!body.isUtf8()) return "(binary)";
    String text = body.text();
    return text.length() <= max ? quote(text) : quote(text.substring(0, max)) + "...";
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }

  /** One line, control characters visible. */
  private static String quote(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }
}
