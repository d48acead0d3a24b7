package dev.cassette.core;

import java.util.Locale;

/**
 * Secret fields of {@code multipart/form-data} bodies: a part whose {@code name} is a secret JSON member
 * name ({@link JsonBodyRules}: {@code password}, {@code api_key}, {@code token}...) or a secret query
 * parameter ({@link UrlRules}) has its content replaced by the placeholder; a part that is JSON is
 * redacted as a JSON body. Works on the body's Go string, so binary parts (a file upload) keep their
 * exact bytes.
 */
final class MultipartBodyRules {
  private final JsonBodyRules json;
  private final UrlRules urls;

  MultipartBodyRules(JsonBodyRules json, UrlRules urls) {
    this.json = json;
    this.urls = urls;
  }

  static boolean isMultipart(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  /** The body with secret parts replaced, or null when nothing changed. */
  String redact(String text, String contentType, SecretValues found) {
    String boundary = boundaryOf(contentType);
    if (boundary == null) return null;
    String delimiter = "--" + boundary;
    StringBuilder out = null;
    int copied = 0;
    int at = text.indexOf(delimiter);
    while (at >= 0) {
      int partStart = at + delimiter.length();
      int next = text.indexOf(delimiter, partStart);
      if (next < 0) break;
      int headersEnd = text.indexOf("\r\n\r\n", partStart);
      int separator = 4;
      if (headersEnd < 0 || headersEnd > next) {
        headersEnd = text.indexOf("\n\n", partStart);
        separator = 2;
      }
      if (headersEnd >= 0 && headersEnd < next) {
        int contentStart = headersEnd + separator;
        int contentEnd = next;
        if (contentEnd > contentStart && text.charAt(contentEnd - 1) == '\n') contentEnd--;
        if (contentEnd > contentStart && text.charAt(contentEnd - 1) == '\r') contentEnd--;
        String headers = text.substring(partStart, headersEnd);
        String content = text.substring(contentStart, Math.max(contentStart, contentEnd));
        String replaced = redactPart(headers, content, found);
        if (replaced != null) {
          if (out == null) out = new StringBuilder(text.length());
          out.append(text, copied, contentStart).append(replaced);
          copied = Math.max(contentStart, contentEnd);
        }
      }
      at = next;
    }
    return out == null ? null : out.append(text, copied, text.length()).toString();
  }

  private String redactPart(String headers, String content, SecretValues found) {
    String name = parameter(headers, "name");
    if (name != null) {
      String placeholder = json.placeholderOf(name);
      if (placeholder == null) placeholder = urls.placeholderOf(name);
      if (placeholder != null) {
        if (content.equals(placeholder)) return null;
        found.add(content, placeholder);
        return placeholder;
      }
    }
    return json.redact(content, found);
  }

  private static String boundaryOf(String contentType) {
    String boundary = parameter(contentType, "boundary");
    return boundary == null || boundary.isEmpty() ? null : boundary;
  }

  /** A {@code name=value} or {@code name="value"} parameter of a header, ignoring the name's case. */
  private static String parameter(String header, String name) {
    String lower = header.toLowerCase(Locale.ROOT);
    int from = 0;
    while (true) {
      int at = lower.indexOf(name + "=", from);
      if (at < 0) return null;
      char before = at == 0 ? ';' : lower.charAt(at - 1);
      from = at + 1;
      if (before != ';' && before != ' ' && before != '\t') continue;
      int start = at + name.length() + 1;
      if (start < header.length() && header.charAt(start) == '"') {
        int end = header.indexOf('"', start + 1);
        return end < 0 ? header.substring(start + 1) : header.substring(start + 1, end);
      }
      int end = start;
      while (end < header.length() && ";, \t\r\n".indexOf(header.charAt(end)) < 0) end++;
      return header.substring(start, end);
    }
  }
}
