package dev.cassette.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * JSON bodies as {@code cassette diff} compares them: parsed without losing digits, compared by value
 * ({@code 1} equals {@code 1.0}, key order ignored), and their differences named by JSON Pointer, the
 * form a reviewer can paste into {@code Matchers.jsonBodyIgnoring}.
 */
final class JsonValues {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
      .build();

  /** One place where two documents differ; a side where the place does not exist is a missing node. */
  record Difference(String pointer, JsonNode before, JsonNode after) {}

  private JsonValues() {}

  /** The JSON document this text holds, or null when it is not one complete JSON object or array. */
  static JsonNode parse(String text) {
    String trimmed = text.strip();
    if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return null;
    try {
      return MAPPER.readTree(trimmed);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Every place where the documents differ, deepest first-differing place only, in document order. */
  static List<Difference> differences(JsonNode before, JsonNode after) {
    List<Difference> out = new ArrayList<>();
    collect("", before, after, out);
    return out;
  }

  private static void collect(String pointer, JsonNode before, JsonNode after, List<Difference> out) {
    if (same(before, after)) return;
    if (before.isObject() && after.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      before.fieldNames().forEachRemaining(names::add);
      after.fieldNames().forEachRemaining(names::add);
      for (String name : names) collect(pointer + "/" + escape(name), before.path(name), after.path(name), out);
    } else if (before.isArray() && after.isArray()) {
      for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
        collect(pointer + "/" + i, before.path(i), after.path(i), out);
      }
    } else {
      out.add(new Difference(pointer.isEmpty() ? "/" : pointer, before, after));
    }
  }

  /** Equal as JSON values: numbers by value, objects whatever their key order. */
  static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
    if (a.getNodeType() != b.getNodeType()) return false;
    if (a.isObject()) {
      if (a.size() != b.size()) return false;
      for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!b.has(name) || !same(a.get(name), b.get(name))) return false;
      }
      return true;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) return false;
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) return false;
      }
      return true;
    }
    return a.equals(b);
  }

  /** Visits every scalar (and empty container) with its pointer, for similarity scores. */
  static void leaves(JsonNode node, BiConsumer<String, JsonNode> visitor) {
    leaves("", node, visitor);
  }

  private static void leaves(String pointer, JsonNode node, BiConsumer<String, JsonNode> visitor) {
    if (node.isObject() && node.size() > 0) {
      node.properties().forEach(e -> leaves(pointer + "/" + escape(e.getKey()), e.getValue(), visitor));
    } else if (node.isArray() && node.size() > 0) {
      for (int i = 0; i < node.size(); i++) leaves(pointer + "/" + i, node.get(i), visitor);
    } else {
      visitor.accept(pointer, node);
    }
  }

  /**
   * A text that two documents share when they are the same request whatever their volatile fields
   * and key order, for pairing the interactions of two recordings.
   */
  static String canonical(JsonNode node) {
    return write(VolatileValues.withoutVolatileFields(node));
  }

  /** Compact JSON text of a value; {@code (absent)} for a place that does not exist. */
  static String write(JsonNode node) {
    if (node == null || node.isMissingNode()) return "(absent)";
    if (node.isBigDecimal()) return node.decimalValue().toString();
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  static JsonNode missing() {
    return MissingNode.getInstance();
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
