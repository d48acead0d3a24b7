package dev.cassette.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cassette.core.Body;
import dev.cassette.core.Interaction;
import dev.cassette.core.Request;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which interaction of the new recording is the re-record of which interaction of the old one.
 * Positions alone would not do: one added request shifts every later one. So requests pair, in order:
 * <ol>
 *   <li>with the same method, URL and body, volatile fields aside (a re-record of the same call);
 *   <li>else with the same method and host and the most similar URL and body (the same call, edited);
 *       a request whose URL differs beyond its query needs a body at least half the same.
 * </ol>
 * What pairs with nothing was added or removed. Pairs whose order changed are reported as moved: those
 * outside the longest run of pairs that kept their relative order.
 */
final class InteractionPairing {
  /** Above this many candidate pairs in one host, only identical URLs pair, in order, to bound time and memory. */
  private static final long MAX_CANDIDATES = 250_000;

  /** An old and a new interaction, by index; {@code moved} when the new file changed their order. */
  record Pair(int before, int after, boolean moved) {}

  private InteractionPairing() {}

  /** The pairs, in the order of the new file. */
  static List<Pair> pair(List<Interaction> before, List<Interaction> after) {
    RequestKey[] a = before.stream().map(i -> new RequestKey(i.request())).toArray(RequestKey[]::new);
    RequestKey[] b = after.stream().map(i -> new RequestKey(i.request())).toArray(RequestKey[]::new);
    int[] partner = new int[b.length];
    Arrays.fill(partner, -1);
    boolean[] taken = new boolean[a.length];

    Map<String, ArrayDeque<Integer>> identical = new HashMap<>();
    for (int i = 0; i < a.length; i++) identical.computeIfAbsent(a[i].identity, k -> new ArrayDeque<>()).add(i);
    for (int j = 0; j < b.length; j++) {
      ArrayDeque<Integer> queue = identical.get(b[j].identity);
      if (queue != null && !queue.isEmpty()) {
        partner[j] = queue.poll();
        taken[partner[j]] = true;
      }
    }
    pairSimilar(a, b, partner, taken);

    List<int[]> pairs = new ArrayList<>();
    for (int j = 0; j < b.length; j++) {
      if (partner[j] >= 0) pairs.add(new int[] {partner[j], j});
    }
    boolean[] inOrder = longestIncreasingRun(pairs);
    List<Pair> result = new ArrayList<>();
    for (int k = 0; k < pairs.size(); k++) result.add(new Pair(pairs.get(k)[0], pairs.get(k)[1], !inOrder[k]));
    return result;
  }

  private record Candidate(int before, int after, double score) {}

  private static void pairSimilar(RequestKey[] a, RequestKey[] b, int[] partner, boolean[] taken) {
    Map<String, List<Integer>> beforeByHost = new LinkedHashMap<>();
    Map<String, List<Integer>> afterByHost = new LinkedHashMap<>();
    for (int i = 0; i < a.length; i++) {
      if (!taken[i]) beforeByHost.computeIfAbsent(a[i].methodAndHost, k -> new ArrayList<>()).add(i);
    }
    for (int j = 0; j < b.length; j++) {
      if (partner[j] < 0) afterByHost.computeIfAbsent(b[j].methodAndHost, k -> new ArrayList<>()).add(j);
    }
    for (Map.Entry<String, List<Integer>> group : afterByHost.entrySet()) {
      List<Integer> olds = beforeByHost.getOrDefault(group.getKey(), List.of());
      List<Integer> news = group.getValue();
      if ((long) olds.size() * news.size() > MAX_CANDIDATES) {
        pairSameUrlInOrder(a, b, olds, news, partner, taken);
        continue;
      }
      List<Candidate> candidates = new ArrayList<>();
      for (int j : news) {
        for (int i : olds) {
          double score = score(a[i], b[j]);
          if (score > 0) candidates.add(new Candidate(i, j, score));
        }
      }
      candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
          .thenComparingInt(Candidate::after).thenComparingInt(Candidate::before));
      for (Candidate c : candidates) {
        if (taken[c.before()] || partner[c.after()] >= 0) continue;
        taken[c.before()] = true;
        partner[c.after()] = c.before();
      }
    }
  }

  /** For very large cassettes: requests to the same URL pair in file order, without comparing bodies. */
  private static void pairSameUrlInOrder(RequestKey[] a, RequestKey[] b, List<Integer> olds, List<Integer> news,
      int[] partner, boolean[] taken) {
    Map<String, ArrayDeque<Integer>> byUrl = new HashMap<>();
    for (int i : olds) byUrl.computeIfAbsent(a[i].url, k -> new ArrayDeque<>()).add(i);
    for (int j : news) {
      ArrayDeque<Integer> queue = byUrl.get(b[j].url);
      if (queue == null || queue.isEmpty()) continue;
      partner[j] = queue.poll();
      taken[partner[j]] = true;
    }
  }

  /** 2 plus body similarity for the same URL, 1 plus it for the same path; 0 when the two should not pair. */
  private static double score(RequestKey a, RequestKey b) {
    double similarity = a.similarity(b);
    if (a.url.equals(b.url)) return 2 + similarity;
    if (a.path.equals(b.path)) return 1 + similarity;
    return similarity >= 0.5 ? similarity : 0;
  }

  /** Marks the pairs in the longest subsequence whose old indices increase (patience sorting). */
  private static boolean[] longestIncreasingRun(List<int[]> pairs) {
    int n = pairs.size();
    int[] tails = new int[n];
    int[] previous = new int[n];
    int length = 0;
    for (int k = 0; k < n; k++) {
      int value = pairs.get(k)[0];
      int low = 0;
      int high = length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (pairs.get(tails[mid])[0] < value) low = mid + 1;
        else high = mid;
      }
      previous[k] = low > 0 ? tails[low - 1] : -1;
      tails[low] = k;
      if (low == length) length++;
    }
    boolean[] marked = new boolean[n];
    for (int k = length > 0 ? tails[length - 1] : -1; k >= 0; k = previous[k]) marked[k] = true;
    return marked;
  }

  /** What pairing looks at in one request, computed once. */
  private static final class RequestKey {
    final String url;
    final String path;
    final String methodAndHost;
    final String identity;
    private final Map<String, Integer> features = new HashMap<>();
    private int featureCount;

    RequestKey(Request request) {
      url = request.url();
      int query = url.indexOf('?');
      path = query < 0 ? url : url.substring(0, query);
      methodAndHost = request.method() + " " + host(url);
      Body body = request.body();
      String canonicalBody;
      if (!body.isUtf8()) {
        canonicalBody = "binary " + new String(body.bytes(), StandardCharsets.ISO_8859_1);
        feature(canonicalBody);
      } else {
        JsonNode json = JsonValues.parse(body.text());
        if (json != null) {
          canonicalBody = JsonValues.canonical(json);
          JsonValues.leaves(VolatileValues.withoutVolatileFields(json),
              (pointer, value) -> feature(pointer + "=" + JsonValues.write(value)));
        } else {
          canonicalBody = body.text().replace("\r\n", "\n");
          for (String line : canonicalBody.split("\n")) feature(line);
        }
      }
      identity = request.method() + " " + url + "\n" + canonicalBody;
    }

    private void feature(String feature) {
      features.merge(feature, 1, Integer::sum);
      featureCount++;
    }

    /** The share of body features two requests have in common, from 0 to 1; 1 for two empty bodies. */
    double similarity(RequestKey other) {
      if (featureCount + other.featureCount == 0) return 1;
      int common = 0;
      for (Map.Entry<String, Integer> e : features.entrySet()) {
        common += Math.min(e.getValue(), other.features.getOrDefault(e.getKey(), 0));
      }
      return 2.0 * common / (featureCount + other.featureCount);
    }

    private static String host(String url) {
      try {
        String host = URI.create(url).getHost();
        return host == null ? url : host;
      } catch (IllegalArgumentException e) {
        return url;
      }
    }
  }
}
