package dev.cassette.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret elements of XML bodies (SOAP, WS-Security, S3-style APIs): the text of an element whose local
 * name is a secret JSON member name ({@link JsonBodyRules}: {@code <password>},
 * {@code <wsse:Password Type="...">}, {@code <token>}), replaced by the placeholder written as XML text
 * ({@code &lt;PASSWORD&gt;}), so the body stays well-formed.
 */
final class XmlBodyRules {
  private static final Pattern ELEMENT = Pattern.compile(
      "<((?:[A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*))(\\s[^<>]*)?>([^<]+)</\\1\\s*>");

  private final JsonBodyRules names;

  XmlBodyRules(JsonBodyRules names) {
    this.names = names;
  }

  static boolean isXml(String contentType, String text) {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("xml")) return true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF') continue;
      return c == '<';
    }
    return false;
  }

  /** The body with secret element texts replaced, or null when nothing changed. */
  String redact(String text, SecretValues found) {
    Matcher m = ELEMENT.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (m.find()) {
      String placeholder = names.placeholderOf(m.group(2));
      if (placeholder == null) continue;
      String escaped = placeholder.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
      String value = m.group(4);
      if (value.strip().isEmpty() || value.equals(escaped)) continue;
      found.add(value, placeholder);
      if (out == null) out = new StringBuilder(text.length());
      out.append(text, copied, m.start(4)).append(escaped);
      copied = m.end(4);
    }
    return out == null ? null : out.append(text, copied, text.length()).toString();
  }
}
