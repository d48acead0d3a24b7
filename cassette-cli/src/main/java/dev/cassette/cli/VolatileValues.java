package dev.cassette.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The values that change on every recording whatever the code under test does: ids, creation times,
 * seeds, system fingerprints, request ids, durations, dates, rate-limit counters. A re-record changes
 * them all, so {@code cassette diff} hides them unless asked ({@code --all}); otherwise they would bury
 * the one change a reviewer is looking for.
 *
 * <p>JSON values are judged by their field name (any field along the pointer), header values by the
 * header name, and a string that is a whole date-time is volatile wherever it appears.
 */
final class VolatileValues {
  private static final Set<String> FIELDS = Set.of(
      "id", "created", "system_fingerprint", "systemfingerprint", "seed", "timestamp", "timings",
      "fingerprint", "signature", "encrypted_content");
  private static final String[] FIELD_SUFFIXES = {"_id", "_at", "_time", "_ms", "_duration", "_timestamp"};
  private static final String[] CAMEL_FIELD_SUFFIXES = {"Id", "At", "Time", "Ms", "Duration", "Timestamp"};

  private static final Set<String> HEADERS = Set.of(
      "date", "age", "expires", "last-modified", "etag", "set-cookie", "cf-ray", "cf-cache-status",
      "server-timing", "via", "x-cache", "x-served-by", "x-timer", "report-to", "nel", "content-length",
      "openai-processing-ms", "x-envoy-upstream-service-time", "x-amz-cf-pop", "x-amz-cf-id");
  private static final String[] HEADER_PARTS = {"request-id", "requestid", "trace", "ratelimit", "correlation", "latency"};
  private static final String[] HEADER_SUFFIXES = {"-id", "-ms", "-time"};

  private static final Pattern DATE_TIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?"
      + "|[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");

  private VolatileValues() {}

  /** True when a JSON field of this name holds a volatile value, e.g. {@code id} or {@code created_at}. */
  static boolean isField(String name) {
    if (FIELDS.contains(name.toLowerCase(Locale.ROOT))) return true;
    for (String suffix : FIELD_SUFFIXES) {
      if (name.length() > suffix.length() && name.toLowerCase(Locale.ROOT).endsWith(suffix)) return true;
    }
    for (String suffix : CAMEL_FIELD_SUFFIXES) {
      if (name.length() > suffix.length() && name.endsWith(suffix)
          && Character.isLowerCase(name.charAt(name.length() - suffix.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a JSON Pointer passes through a volatile field, e.g. {@code /choices/0/message/tool_calls/0/id}
   * or {@code /timings/prompt_ms}. Array indices are not field names and never make a pointer volatile.
   */
  static boolean isPointer(String pointer) {
    for (String token : pointer.split("/", -1)) {
      if (token.isEmpty() || isIndex(token)) continue;
      if (isField(token.replace("~1", "/").replace("~0", "~"))) return true;
    }
    return false;
  }

  /** True when a header of this name carries a volatile value, e.g. {@code Date} or {@code X-Request-Id}. */
  static boolean isHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (HEADERS.contains(lower)) return true;
    for (String part : HEADER_PARTS) {
      if (lower.contains(part)) return true;
    }
    for (String suffix : HEADER_SUFFIXES) {
      if (lower.endsWith(suffix)) return true;
    }
    return false;
  }

  /** True when the text is one whole date-time, ISO 8601 or HTTP's IMF-fixdate. */
  static boolean isDateTime(String text) {
    // cheap shape check first: this runs on every string of every body compared
    if (text.length() < 16 || text.length() > 40) return false;
    boolean iso = text.charAt(4) == '-' && Character.isDigit(text.charAt(0));
    boolean http = text.charAt(3) == ',' && text.endsWith(" GMT");
    return (iso || http) && DATE_TIME.matcher(text).matches();
  }

  /**
   * A copy without volatile fields, numbers in one form ({@code 1.0} as {@code 1}), so that two
   * recordings of the same request compare equal by their written text.
   */
  static JsonNode withoutVolatileFields(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> {
        if (!isField(e.getKey())) copy.set(e.getKey(), withoutVolatileFields(e.getValue()));
      });
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      for (JsonNode element : node) copy.add(withoutVolatileFields(element));
      return copy;
    }
    if (node.isNumber()) return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
    if (node.isTextual() && isDateTime(node.asText())) return JsonNodeFactory.instance.textNode("(date-time)");
    return node;
  }

  private static boolean isIndex(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (!Character.isDigit(token.charAt(i))) return false;
    }
    return true;
  }
}
