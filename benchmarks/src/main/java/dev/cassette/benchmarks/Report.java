package dev.cassette.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns one run's JMH results ({@code -rf json}) into the tables {@code benchmarks/run} prints, with the
 * ratios the goals are stated in: replay against its floor and against WireMock, time to the first
 * event while recording against passthrough, codec throughput against a generic YAML load.
 *
 * <p>{@code java -cp benchmarks.jar dev.cassette.benchmarks.Report results.json}
 */
public final class Report {
  private final Map<String, JsonNode> results = new HashMap<>();

  private Report(JsonNode run) {
    for (JsonNode result : run) {
      String name = result.get("benchmark").asText();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      JsonNode params = result.get("params");
      if (params != null) {
        if (params.has("payload")) name += "/" + params.get("payload").asText();
        if (params.has("interactions")) name += "/" + params.get("interactions").asText();
      }
      results.put(name, result);
    }
  }

  public static void main(String[] args) throws IOException {
    Report report = new Report(JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0]))));
    report.replay();
    report.recordFirstEvent();
    report.codec();
    report.lookup();
  }

  private JsonNode metric(String name) {
    JsonNode result = results.get(name);
    return result == null ? null : result.get("primaryMetric");
  }

  private double score(String name) {
    JsonNode m = metric(name);
    return m == null ? Double.NaN : m.get("score").asDouble();
  }

  private String scoreWithError(String name, String format) {
    JsonNode m = metric(name);
    if (m == null) return "(not run)";
    double error = m.get("scoreError").asDouble();
    return String.format(format, m.get("score").asDouble())
        + (Double.isNaN(error) ? "" : String.format(" ± " + format, error));
  }

  private static String ratio(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) return "";
    return value >= 10 ? String.format("%.0fx", value) : String.format("%.2fx", value);
  }

  private void replay() {
    if (metric("ReplayBenchmark.okhttpFloor/sse") == null) return;
    System.out.println("## Replay: µs per exchange, body read to the end (mean ± 99.9% error)");
    System.out.println();
    System.out.println("| subject | SSE µs | x floor | WireMock / this | JSON µs | x floor | WireMock / this |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    String[][] subjects = {
        {"okhttpFloor", "floor: OkHttp interceptor returning a prebuilt response", "okhttpFloor"},
        {"okhttpCassette", "`CassetteInterceptor` replay", "okhttpFloor"},
        {"jdkFloor", "floor: java.net.http, prebuilt response (`PrebuiltResponseClient`)", "jdkFloor"},
        {"jdkCassette", "`CassetteHttpClient` replay", "jdkFloor"},
        {"server", "`CassetteServer` replay on loopback (OkHttp client)", "okhttpFloor"},
        {"mockWebServer3", "mockwebserver3 on loopback (TCP_NODELAY)", "okhttpFloor"},
        {"wireMock", "WireMock 3.13.2 on loopback", "okhttpFloor"}};
    for (String[] s : subjects) {
      StringBuilder row = new StringBuilder("| " + s[1]);
      for (String payload : new String[] {"sse", "json"}) {
        String name = "ReplayBenchmark." + s[0] + "/" + payload;
        double value = score(name);
        row.append(" | ").append(scoreWithError(name, "%.2f"))
            .append(" | ").append(ratio(value / score("ReplayBenchmark." + s[2] + "/" + payload)))
            .append(" | ").append(ratio(score("ReplayBenchmark.wireMock/" + payload) / value));
      }
      System.out.println(row.append(" |"));
    }
    System.out.println();
    System.out.println("x floor: the JDK adapter against the JDK floor, every other subject against the OkHttp floor."
        + " Goals: `CassetteInterceptor` at most 5x its floor and at least 50x faster than WireMock, on both payloads.");
    System.out.println();
  }

  private void recordFirstEvent() {
    if (metric("RecordFirstEventBenchmark.okhttpPassthrough") == null) return;
    System.out.println("## Record: ms to the first SSE event (an event every 50 ms, the first after 50 ms)");
    System.out.println();
    System.out.println("| client | passthrough ms | recording ms | recording / passthrough |");
    System.out.println("|---|---:|---:|---:|");
    String[][] pairs = {
        {"OkHttp, `CassetteInterceptor`", "okhttpPassthrough", "okhttpRecording"},
        {"java.net.http, `CassetteHttpClient`", "jdkPassthrough", "jdkRecording"},
        {"OkHttp through `CassetteServer` (passthrough: straight to the upstream)", "okhttpPassthrough", "serverRecording"}};
    for (String[] p : pairs) {
      String pass = "RecordFirstEventBenchmark." + p[1];
      String rec = "RecordFirstEventBenchmark." + p[2];
      System.out.printf("| %s | %s | %s | %s |%n", p[0], scoreWithError(pass, "%.2f"), scoreWithError(rec, "%.2f"),
          String.format("%.3fx", score(rec) / score(pass)));
    }
    System.out.println();
    System.out.println("Goal: at most 1.05x passthrough.");
    System.out.println();
  }

  private void codec() {
    if (metric("CodecBenchmark.load") == null) return;
    System.out.println("## Codec: corpus MB/s (mean ± 99.9% error)");
    System.out.println();
    System.out.println("| benchmark | MB/s | ratio | goal |");
    System.out.println("|---|---:|---|---|");
    double generic = megabytes("CodecBenchmark.genericLoad");
    double load = megabytes("CodecBenchmark.load");
    double save = megabytes("CodecBenchmark.save");
    System.out.printf("| `genericLoad` (snakeyaml-engine into maps) | %s | | |%n", megabytesWithError("CodecBenchmark.genericLoad"));
    System.out.printf("| `load` (`Cassette.parse`) | %s | %.2fx generic load | at least 1.0x |%n",
        megabytesWithError("CodecBenchmark.load"), load / generic);
    System.out.printf("| `save` (`toYaml`, UTF-8) | %s | %.2fx our load | at least 2x |%n",
        megabytesWithError("CodecBenchmark.save"), save / load);
    System.out.println();
  }

  private JsonNode megabytesMetric(String name) {
    JsonNode result = results.get(name);
    return result == null ? null : result.get("secondaryMetrics").get("megabytes");
  }

  private double megabytes(String name) {
    JsonNode m = megabytesMetric(name);
    return m == null ? Double.NaN : m.get("score").asDouble();
  }

  private String megabytesWithError(String name) {
    JsonNode m = megabytesMetric(name);
    return m == null ? "(not run)" : String.format("%.1f ± %.1f", m.get("score").asDouble(), m.get("scoreError").asDouble());
  }

  private void lookup() {
    if (metric("LookupBenchmark.lookupLast/10") == null) return;
    System.out.println("## Lookup: `Recorder.route` for the last of n recorded POSTs to one URL");
    System.out.println();
    System.out.println("| interactions | µs | ratio | goal |");
    System.out.println("|---|---:|---|---|");
    System.out.printf("| 10 | %s | | |%n", scoreWithError("LookupBenchmark.lookupLast/10", "%.2f"));
    System.out.printf("| 10,000 | %s | %.2fx | at most 2x |%n", scoreWithError("LookupBenchmark.lookupLast/10000", "%.2f"),
        score("LookupBenchmark.lookupLast/10000") / score("LookupBenchmark.lookupLast/10"));
    System.out.println();
  }
}
