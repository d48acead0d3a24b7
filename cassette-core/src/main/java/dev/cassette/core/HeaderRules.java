package dev.cassette.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers and trailers reach a cassette, and what the dropped ones tell {@link SecretValues}.
 *
 * <p>Requests: an allowlist by default ({@link Redaction#DEFAULT_ALLOWED_HEADERS}), or a denylist
 * ({@link Redaction#DEFAULT_DENIED_HEADERS} and names containing {@link Redaction#SENSITIVE_NAME_PARTS}).
 * Responses: all but {@link Redaction#DEFAULT_DENIED_RESPONSE_HEADERS} and names containing
 * {@link Redaction#SENSITIVE_RESPONSE_NAME_PARTS}, with explicit allows winning.
 *
 * <p>A dropped request header that carries a credential (by its name) hands its value to
 * {@link SecretValues}: the token of {@code Authorization: Bearer ...}, the password inside
 * {@code Basic}, each value of a cookie or of {@code Signature=...} parameters (those holding a digit),
 * so that the same value is scrubbed from the URL and the bodies. Dropped headers that carry no
 * credential ({@code Host}, {@code Content-Length}) are not, or their values would be scrubbed from
 * content.
 */
final class HeaderRules {
  /** Denied headers that are not credentials: their values occur in content and mean nothing secret. */
  private static final Set<String> NOT_CREDENTIALS = Set.of(
      "x-amz-date", "x-amz-content-sha256", "www-authenticate", "proxy-authenticate");

  private final boolean allowlist;
  /** Lower-case names: kept in allowlist mode, dropped in denylist mode. */
  private final Set<String> requestNames;
  private final boolean denySensitiveNames;
  private final Set<String> deniedResponse;
  private final Set<String> allowedResponse;
  private final boolean denySensitiveResponseNames;

  HeaderRules(boolean allowlist, Set<String> requestNames, boolean denySensitiveNames, Set<String> deniedResponse,
      Set<String> allowedResponse, boolean denySensitiveResponseNames) {
    this.allowlist = allowlist;
    this.requestNames = Set.copyOf(requestNames);
    this.denySensitiveNames = denySensitiveNames;
    this.deniedResponse = Set.copyOf(deniedResponse);
    this.allowedResponse = Set.copyOf(allowedResponse);
    this.denySensitiveResponseNames = denySensitiveResponseNames;
  }

  boolean keepsRequestHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (allowlist) return requestNames.contains(lower);
    if (requestNames.contains(lower)) return false;
    return !(denySensitiveNames && containsAny(lower, Redaction.SENSITIVE_NAME_PARTS));
  }

  boolean keepsResponseHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (allowedResponse.contains(lower)) return true;
    if (deniedResponse.contains(lower)) return false;
    return !(denySensitiveResponseNames && containsAny(lower, Redaction.SENSITIVE_RESPONSE_NAME_PARTS));
  }

  /** The request headers (or trailers) kept; the credentials of those dropped go to {@code found}. */
  Multimap request(Multimap headers, SecretValues found) {
    return filter(headers, true, found);
  }

  /**
   * The response headers (or trailers) kept. What a dropped one held is not scrubbed elsewhere: a
   * response header is the server's (a cookie it sets), and the same value in a header the user chose
   * to keep ({@link Redaction.Builder#allowResponseHeaders}) is meant to stay.
   */
  Multimap response(Multimap headers, SecretValues found) {
    return filter(headers, false, found);
  }

  private Multimap filter(Multimap headers, boolean request, SecretValues found) {
    if (headers.isEmpty()) return headers;
    boolean dropsAny = false;
    for (String name : headers.asMap().keySet()) {
      dropsAny |= !(request ? keepsRequestHeader(name) : keepsResponseHeader(name));
    }
    if (!dropsAny) return headers;
    Multimap.Builder out = Multimap.builder();
    headers.asMap().forEach((name, values) -> {
      if (request ? keepsRequestHeader(name) : keepsResponseHeader(name)) {
        out.addAll(name, values);
      } else if (request && carriesCredential(name)) {
        String placeholder = Redaction.placeholderFor(name);
        for (String value : values) collectCredential(value, placeholder, found);
      }
    });
    return out.build();
  }

  private boolean carriesCredential(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (NOT_CREDENTIALS.contains(lower)) return false;
    if (!allowlist && requestNames.contains(lower) || deniedResponse.contains(lower)) return true;
    for (String denied : Redaction.DEFAULT_DENIED_HEADERS) {
      if (denied.equalsIgnoreCase(lower)) return true;
    }
    return containsAny(lower, Redaction.SENSITIVE_NAME_PARTS);
  }

  /**
   * The secret parts of a credential header's value: all of it after an auth scheme, each
   * {@code name=value} parameter's value and each cookie's, and the password inside {@code Basic}.
   */
  static void collectCredential(String value, String placeholder, SecretValues found) {
    String v = value.strip();
    int space = v.indexOf(' ');
    String scheme = space > 0 ? v.substring(0, space) : "";
    boolean hasScheme = !scheme.isEmpty();
    for (int i = 0; i < scheme.length() && hasScheme; i++) {
      hasScheme = Character.isLetterOrDigit(scheme.charAt(i)) || scheme.charAt(i) == '-';
    }
    String credentials = hasScheme ? v.substring(space + 1).strip() : v;
    found.add(credentials, placeholder);
    if (scheme.equalsIgnoreCase("Basic")) {
      try {
        String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon >= 0) found.add(decoded.substring(colon + 1), placeholder);
      } catch (IllegalArgumentException notBase64) {
        // nothing more to learn from it
      }
    }
    for (String piece : splitParameters(credentials)) {
      int equals = piece.indexOf('=');
      String part = equals >= 0 ? piece.substring(equals + 1) : piece;
      if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")) {
        part = part.substring(1, part.length() - 1);
      }
      // a piece without a digit is a word (SignedHeaders=content-type, realm names), not a secret
      if (hasDigit(part)) found.add(part, placeholder);
    }
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) return true;
    }
    return false;
  }

  /** The pieces between commas, semicolons and white space. */
  private static List<String> splitParameters(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ',';
      if (c == ',' || c == ';' || Character.isWhitespace(c)) {
        if (i > start) out.add(text.substring(start, i));
        start = i + 1;
      }
    }
    return out;
  }

  private static boolean containsAny(String lower, List<String> parts) {
    for (String part : parts) {
      if (lower.contains(part)) return true;
    }
    return false;
  }
}
