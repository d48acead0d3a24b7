package dev.cassette.core;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Secret members of JSON bodies (request and response, and each JSON part of a multipart body):
 *
 * <ul>
 *   <li>members named in {@link Redaction#DEFAULT_JSON_FIELDS} or given to
 *       {@link Redaction.Builder#redactJsonField}, at any depth, names compared ignoring case,
 *       {@code _} and {@code -} ({@code Password}, {@code session_token} and {@code sessionToken} are
 *       found by {@code password} and {@code session_token}); only a string or number is replaced, so
 *       that Hugging Face's {@code "token": {"id": 1, "text": "Hi"}} keeps its content, and each
 *       object inside it is searched; of an object under a secret name, the {@code value} member is
 *       the secret ({@code "client_secret": {"value": "ek_...", "expires_at": 1}});
 *   <li>not inside log probabilities: an object with a {@code logprob} member, and all below a member
 *       whose name contains {@code logprob}, hold tokens of generated text
 *       ({@code "token": "Hello"}), which are content; a credential-shaped value there is still
 *       redacted by {@link CredentialPatterns};
 *   <li>JSON inside a JSON string (tool-call {@code arguments}, a stringified config) is searched as JSON
 *       and written back into its string;
 *   <li>values at {@link Redaction.Builder#redactJsonPointer JSON Pointers}.
 * </ul>
 *
 * <p>A body is parsed only when a secret name occurs in it as a quoted string (or it has
 * {@code \\u} escapes, which may spell one), so most bodies are never parsed; it is rewritten,
 * compactly, only when a value was replaced. Each value replaced goes to {@link SecretValues}.
 */
final class JsonBodyRules {
  /** Normalized name ({@link #normalize}) to placeholder. */
  private final Map<String, String> fields;
  private final Map<JsonPointer, String> pointers;
  private final int longestName;
  /** The normalized names by their first character ({@link #bucketOf}); null where none starts so. */
  private final String[][] namesByFirst = new String[128][];

  JsonBodyRules(Map<String, String> fields, Map<JsonPointer, String> pointers) {
    this.fields = Map.copyOf(fields);
    this.pointers = Map.copyOf(pointers);
    int longest = 0;
    for (String name : fields.keySet()) longest = Math.max(longest, name.length());
    this.longestName = longest;
    for (String name : fields.keySet()) {
      if (name.isEmpty()) continue;
      int bucket = bucketOf(name.charAt(0));
      String[] same = namesByFirst[bucket];
      String[] grown = same == null ? new String[1] : Arrays.copyOf(same, same.length + 1);
      grown[grown.length - 1] = name;
      namesByFirst[bucket] = grown;
    }
  }

  /** An ASCII character is its own bucket; all others share the last one (DEL starts no name). */
  private static int bucketOf(char lowerFirst) {
    return Math.min(lowerFirst, 127);
  }

  boolean isEmpty() {
    return fields.isEmpty() && pointers.isEmpty();
  }

  boolean hasPointers() {
    return !pointers.isEmpty();
  }

  /** The name as compared: lower case, without {@code _} and {@code -}. */
  static String normalize(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_' && c != '-') out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /** The placeholder for a member, element or part name, or null when it is not secret. */
  String placeholderOf(String name) {
    return fields.get(normalize(name));
  }

  /** The text with secret members replaced, or null when there was nothing to replace. */
  String redact(String text, SecretValues found) {
    if (isEmpty() || !pointers.isEmpty() && !startsLikeContainer(text) || pointers.isEmpty() && !mayHoldField(text)) {
      return null;
    }
    JsonNode json = Json.parse(text);
    if (json == null || !json.isContainerNode()) return null;
    boolean changed = redactNode(json, false, found);
    for (Map.Entry<JsonPointer, String> e : pointers.entrySet()) {
      JsonNode old = json.at(e.getKey());
      if (old.isValueNode()) found.add(old.asText(), e.getValue());
      changed |= Json.replace(json, e.getKey(), e.getValue());
    }
    return changed ? Json.write(json) : null;
  }

  private boolean redactNode(JsonNode node, boolean content, SecretValues found) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      boolean tokens = content || object.has("logprob");
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        String placeholder = tokens ? null : placeholderOf(name);
        if (placeholder != null && (value.isTextual() || value.isNumber())) {
          if (!placeholder.equals(value.textValue())) {
            found.add(value.asText(), placeholder);
            object.put(name, placeholder);
            changed = true;
          }
        } else if (value.isContainerNode()) {
          if (placeholder != null && value instanceof ObjectNode holder) {
            changed |= redactValueMember(holder, placeholder, found);
          }
          changed |= redactNode(value, tokens || name.toLowerCase(Locale.ROOT).contains("logprob"), found);
        } else if (value.isTextual()) {
          String nested = redactNested(value.textValue(), found);
          if (nested != null) {
            object.put(name, nested);
            changed = true;
          }
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        if (element.isContainerNode()) {
          changed |= redactNode(element, content, found);
        } else if (element.isTextual()) {
          String nested = redactNested(element.textValue(), found);
          if (nested != null) {
            array.set(i, TextNode.valueOf(nested));
            changed = true;
          }
        }
      }
    }
    return changed;
  }

  /**
   * A secret held as {@code {"value": "...", "expires_at": ...}} (OpenAI's realtime
   * {@code client_secret}): the {@code value} of an object under a secret name is the secret.
   */
  private static boolean redactValueMember(ObjectNode holder, String placeholder, SecretValues found) {
    JsonNode value = holder.get("value");
    if (value == null || !value.isTextual() || placeholder.equals(value.textValue())) return false;
    found.add(value.textValue(), placeholder);
    holder.put("value", placeholder);
    return true;
  }

  /** JSON inside a string, redacted; null when the string holds none or nothing changed. */
  private String redactNested(String text, SecretValues found) {
    if (!startsLikeContainer(text) || !mayHoldField(text)) return null;
    JsonNode json = Json.parse(text);
    if (json == null || !json.isContainerNode() || !redactNode(json, false, found)) return null;
    return Json.write(json);
  }

  static boolean startsLikeContainer(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF') continue;
      return c == '{' || c == '[';
    }
    return false;
  }

  /**
   * Whether a secret member name may occur: a quoted run (also inside an escaped string, {@code \"name\"})
   * that normalizes to one, or any {@code \\u} escape. Reads the text once and allocates nothing: this
   * runs on every live request, most of which hold no secret name.
   */
  boolean mayHoldField(CharSequence text) {
    if (fields.isEmpty()) return false;
    if (text instanceof String s) return mayHoldField(s);
    int limit = longestName * 2;
    int run = -1; // where the text after the last quote starts; -1 after a backslash
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c != '"' && c != '\\') continue;
      if (c == '\\' && i + 1 < n && text.charAt(i + 1) == 'u') return true;
      if (run >= 0 && i > run && i - run <= limit && isFieldName(text, run, i)) return true;
      run = c == '"' ? i + 1 : -1;
    }
    return false;
  }

  /** The same for a string, jumping from quote to quote with String's fast searches. */
  private boolean mayHoldField(String text) {
    if (text.contains("\\u")) return true;
    int limit = longestName * 2;
    int quote = text.indexOf('"');
    while (quote >= 0) {
      int next = text.indexOf('"', quote + 1);
      if (next < 0) return false;
      int end = text.charAt(next - 1) == '\\' ? next - 1 : next; // a name in an escaped string: \"name\"
      int length = end - quote - 1;
      if (length > 0 && length <= limit && isFieldName(text, quote + 1, end)) {
        return true;
      }
      quote = next;
    }
    return false;
  }

  /**
   * Whether {@code text[start, end)} normalizes to a secret name, compared in place with the names
   * that start with its first letter: most runs are rejected at their first or second character.
   */
  private boolean isFieldName(CharSequence text, int start, int end) {
    int from = start;
    while (from < end && isSeparator(text.charAt(from))) from++;
    if (from == end) return false;
    char first = lower(text.charAt(from));
    String[] names = namesByFirst[bucketOf(first)];
    if (names == null) return false;
    for (String name : names) {
      if (end - from < name.length()) continue;
      int k = 0;
      boolean same = true;
      for (int j = from; j < end && same; j++) {
        char c = text.charAt(j);
        if (isSeparator(c)) continue;
        same = k < name.length() && lower(c) == name.charAt(k++);
      }
      if (same && k == name.length()) return true;
    }
    return false;
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-';
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 128 ? c : Character.toLowerCase(c);
  }
}
