package dev.cassette.core;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON view of bodies that matching, redaction and mismatch reports share: parsing without losing
 * numbers, a canonical form for equality, pointer edits and differences.
 *
 * <p>Numbers are read as {@link BigDecimal} so that {@code 1}, {@code 1.0} and {@code 1e0} compare equal
 * by value and a rewritten body keeps every digit a client sent.
 */
final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private Json() {}

  /**
   * Compiles a JSON Pointer that names a value inside a document.
   *
   * @throws IllegalArgumentException when it is malformed or names the whole document
   */
  static JsonPointer pointer(String text) {
    JsonPointer pointer = JsonPointer.compile(text);
    if (pointer.matches()) {
      throw new IllegalArgumentException("JSON Pointer '' names the whole body; name a value inside it, e.g. /id");
    }
    return pointer;
  }

  /** The JSON value this text holds, or null when it is not one complete JSON document. */
  static JsonNode parse(String text) {
    if (!mayBeJson(text)) return null;
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Cheap pre-check so that SSE streams and other text are not handed to the parser at all. */
  private static boolean mayBeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
      return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't'
          || c == 'f' || c == 'n';
    }
    return false;
  }

  /** Compact JSON text. */
  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON tree", e);
    }
  }

  /**
   * A text that two values share exactly when they are equal as JSON: object keys sorted, numbers by
   * value.
   */
  static String canonical(JsonNode node) {
    StringBuilder out = new StringBuilder();
    appendCanonical(node, out);
    return out.toString();
  }

  private static void appendCanonical(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) sorted.put(e.getKey(), e.getValue());
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
        if (!first) out.append(',');
        first = false;
        appendQuoted(e.getKey(), out);
        out.append(':');
        appendCanonical(e.getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) out.append(',');
        appendCanonical(node.get(i), out);
      }
      out.append(']');
    } else if (node.isNumber()) {
      out.append(numberKey(node));
    } else if (node.isTextual()) {
      appendQuoted(node.textValue(), out);
    } else {
      out.append(node.toString());
    }
  }

  /**
   * A string as a JSON string literal: quotes, backslashes and control characters escaped, everything
   * else as is. Written here rather than by {@code TextNode.toString()}, which builds a whole
   * {@code JsonGenerator} for each string and was most of the time a canonical form took. Any escaping
   * that maps distinct strings to distinct texts serves equality; this one is also valid JSON.
   */
  private static void appendQuoted(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static String numberKey(JsonNode number) {
    BigDecimal value = number.decimalValue();
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
  }

  /** Removes the value at each pointer, where present. */
  static void remove(JsonNode root, List<JsonPointer> pointers) {
    for (JsonPointer pointer : pointers) {
      JsonNode parent = root.at(pointer.head());
      String last = pointer.last().getMatchingProperty();
      if (parent instanceof ObjectNode object) {
        object.remove(last);
      } else if (parent instanceof ArrayNode array) {
        int index = pointer.last().getMatchingIndex();
        if (index >= 0 && index < array.size()) array.remove(index);
      }
    }
  }

  /**
   * Replaces the value at a pointer with a placeholder string.
   *
   * @return true when a value was there and differed from the placeholder
   */
  static boolean replace(JsonNode root, JsonPointer pointer, String placeholder) {
    JsonNode parent = root.at(pointer.head());
    if (parent instanceof ObjectNode object) {
      String name = pointer.last().getMatchingProperty();
      JsonNode old = object.get(name);
      if (old == null || placeholder.equals(old.textValue())) return false;
      object.put(name, placeholder);
      return true;
    }
    if (parent instanceof ArrayNode array) {
      int index = pointer.last().getMatchingIndex();
      if (index < 0 || index >= array.size() || placeholder.equals(array.get(index).textValue())) {
        return false;
      }
      array.set(index, TextNode.valueOf(placeholder));
      return true;
    }
    return false;
  }

  /**
   * Replaces the value of every object member with this name, at any depth, with a placeholder.
   *
   * @return true when anything changed
   */
  static boolean replaceField(JsonNode node, String name, String placeholder) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      JsonNode value = object.get(name);
      if (value != null && !placeholder.equals(value.textValue())) {
        object.put(name, placeholder);
        changed = true;
      }
      for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
        changed |= replaceField(it.next(), name, placeholder);
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode element : array) changed |= replaceField(element, name, placeholder);
    }
    return changed;
  }

  /** One place where two JSON values disagree. */
  record Difference(String pointer, String recorded, String live) {}

  /** Up to {@code limit} places where the values differ, depth first in the recorded value's order. */
  static List<Difference> differences(JsonNode recorded, JsonNode live, int limit) {
    List<Difference> out = new ArrayList<>();
    diff("", recorded, live, out, limit);
    return out;
  }

  private static void diff(String path, JsonNode recorded, JsonNode live, List<Difference> out, int limit) {
    if (out.size() >= limit) return;
    if (recorded == null || live == null) {
      out.add(new Difference(pointerOrRoot(path), show(recorded), show(live)));
      return;
    }
    if (recorded.isObject() && live.isObject()) {
      recorded.fieldNames().forEachRemaining(name ->
          diff(path + "/" + escape(name), recorded.get(name), live.get(name), out, limit));
      live.fieldNames().forEachRemaining(name -> {
        if (!recorded.has(name)) diff(path + "/" + escape(name), null, live.get(name), out, limit);
      });
    } else if (recorded.isArray() && live.isArray()) {
      int size = Math.max(recorded.size(), live.size());
      for (int i = 0; i < size; i++) diff(path + "/" + i, recorded.get(i), live.get(i), out, limit);
    } else if (!canonical(recorded).equals(canonical(live))) {
      out.add(new Difference(pointerOrRoot(path), show(recorded), show(live)));
    }
  }

  private static String pointerOrRoot(String path) {
    return path.isEmpty() ? "(whole body)" : path;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String show(JsonNode node) {
    return node == null ? "(absent)" : write(node);
  }
}
