package dev.cassette.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Redaction by value: the secrets one interaction's rules removed somewhere (a bearer token, an API-key
 * header, a key query parameter, a JSON {@code password}), each with the placeholder of the place it was
 * found, and the scrubbing of every other place where they appear (path, fragment, header values, form
 * values, request and response bodies, SSE events, multipart parts, decompressed bodies), together with
 * the literal replacements a user configured and the {@linkplain CredentialPatterns credential shapes}.
 *
 * <p>One instance lives for one request or one interaction: first the name rules collect into it, then
 * it scrubs. Not thread-safe.
 */
final class SecretValues {
  /**
   * Shorter values found by name are not scrubbed elsewhere: a value such as {@code true} or {@code 42}
   * under a secret name would otherwise be replaced in every body it occurs in. Literal replacements
   * ({@code replaceText}) have no minimum.
   */
  static final int MIN_LENGTH = 8;

  /** Value to placeholder, in the order found; the first place a value is found names it. */
  private final Map<String, String> values = new LinkedHashMap<>();
  private final UrlRules urls;

  SecretValues(Map<String, String> literals, UrlRules urls) {
    this.values.putAll(literals);
    this.urls = urls;
  }

  /** Remembers a value a name rule removed, to scrub it wherever else it appears. */
  void add(String value, String placeholder) {
    if (value == null) return;
    String v = value.strip();
    if (v.length() < MIN_LENGTH || isPlaceholder(v)) return;
    values.putIfAbsent(v, placeholder);
  }

  static boolean isPlaceholder(String value) {
    return value.length() >= 2 && value.charAt(0) == '<' && value.charAt(value.length() - 1) == '>';
  }

  /** A header or form value with known secrets and credential shapes replaced. */
  String scrub(String text) {
    if (text.isEmpty()) return text;
    Replacements found = new Replacements();
    for (Map.Entry<String, String> e : values.entrySet()) findAll(text, e.getKey(), e.getValue(), found);
    CredentialPatterns.find(text, found);
    return found.applyTo(text);
  }

  /** A URL with known secrets, also URL-encoded, and credential shapes replaced. */
  String scrubUrl(String url) {
    Replacements found = new Replacements();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String value = e.getKey();
      findAll(url, value, e.getValue(), found);
      if (needsEncoding(value)) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        findAll(url, encoded, e.getValue(), found);
        String percent20 = encoded.replace("+", "%20");
        if (!percent20.equals(encoded)) findAll(url, percent20, e.getValue(), found);
      }
    }
    CredentialPatterns.find(url, found);
    return found.applyTo(url);
  }

  /**
   * A body with known secrets, credential shapes and secret parameters of URLs in it replaced, read in
   * place: a body of bytes is searched as bytes and copied only when something is found.
   */
  Body scrub(Body body) {
    if (body.isEmpty()) return body;
    // Prefer the decoded text when the body already has it (a JSON request on its way to matching):
    // String searches are the fastest there are. A large stream is never decoded, and is read as bytes.
    String decoded = body.goStringIfHeld();
    byte[] bytes = decoded == null ? body.bytesIfHeld() : null;
    if (bytes == null) {
      String text = decoded;
      Replacements found = new Replacements();
      for (Map.Entry<String, String> e : values.entrySet()) findAll(text, e.getKey(), e.getValue(), found);
      findShapes(text, found);
      return found.isEmpty() ? body : Body.ofGoString(found.applyTo(text));
    }
    CharSequence text = BodyRules.view(body);
    Replacements found = new Replacements();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String needle = new String(e.getKey().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
      findAll(text, needle, e.getValue(), found);
    }
    findShapes(text, found);
    return found.isEmpty() ? body : Body.wrap(found.applyTo(bytes));
  }

  /** Whether URL encoding changes the value: most tokens are letters, digits, {@code -_.~} only. */
  private static boolean needsEncoding(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
          || c == '.' || c == '~')) {
        return true;
      }
    }
    return false;
  }

  private void findShapes(CharSequence text, Replacements found) {
    CredentialPatterns.find(text, found, urls);
  }

  private static void findAll(CharSequence text, String needle, String placeholder, Replacements found) {
    for (int at = indexOf(text, needle, 0); at >= 0; at = indexOf(text, needle, at + needle.length())) {
      found.add(at, at + needle.length(), placeholder);
    }
  }

  static int indexOf(CharSequence text, String needle, int from) {
    if (text instanceof String s) return s.indexOf(needle, from);
    char first = needle.charAt(0);
    int last = text.length() - needle.length();
    outer:
    for (int i = from; i <= last; i++) {
      if (text.charAt(i) != first) continue;
      for (int k = 1; k < needle.length(); k++) {
        if (text.charAt(i + k) != needle.charAt(k)) continue outer;
      }
      return i;
    }
    return -1;
  }
}
