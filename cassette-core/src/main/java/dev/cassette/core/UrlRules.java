package dev.cassette.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a URL holds secrets, and the same rules for the places that hold URLs or their parameters:
 *
 * <ul>
 *   <li>query parameters named in {@link Redaction#DEFAULT_QUERY_PARAMETERS} or given to
 *       {@link Redaction.Builder#redactQueryParameter} (names ignoring case), in the URL, its
 *       {@code request_uri}, the fragment ({@code #access_token=...} of OAuth's implicit flow), the
 *       recorded {@code form} and a url-encoded body;
 *   <li>the user info: a password becomes {@code <PASSWORD>}, a user name standing alone that looks like
 *       a token (as {@code https://TOKEN@github.com/} passes one) becomes {@code <TOKEN>};
 *   <li>each absolute URL in a header value ({@code Location} to a pre-signed URL, {@code Link});
 *   <li>in bodies, the same parameters of any URL the text holds ({@code ?...&X-Goog-Signature=...}).
 * </ul>
 *
 * <p>Each value removed is handed to {@link SecretValues}, which scrubs it wherever else it appears.
 */
final class UrlRules {
  /** The longest parameter name looked up in free text; longer runs are not names we know. */
  private static final int MAX_NAME = 40;

  /** Lower-case parameter name to placeholder. */
  private final Map<String, String> parameters;
  private final boolean redactUserInfo;

  UrlRules(Map<String, String> parameters, boolean redactUserInfo) {
    this.parameters = Map.copyOf(parameters);
    this.redactUserInfo = redactUserInfo;
  }

  /** The placeholder of a parameter name, or null when it is not secret. */
  String placeholderOf(String name) {
    return parameters.get(name.toLowerCase(Locale.ROOT));
  }

  /** The URL with its user info, secret query parameters and fragment parameters redacted. */
  String redact(String url, SecretValues found) {
    String out = redactUserInfo ? redactUserInfo(url, found) : url;
    out = QueryString.editUrl(out, (name, pair) -> redactPair(name, pair, found));
    int hash = out.indexOf('#');
    if (hash >= 0 && out.indexOf('=', hash) >= 0) {
      String fragment = out.substring(hash + 1);
      String edited = QueryString.editQuery(fragment, (name, pair) -> redactPair(name, pair, found));
      if (!edited.equals(fragment)) out = out.substring(0, hash + 1) + edited;
    }
    return out;
  }

  /** A url-encoded form body or query string with secret parameters redacted. */
  String redactQuery(String query, SecretValues found) {
    return QueryString.editQuery(query, (name, pair) -> redactPair(name, pair, found));
  }

  /** The recorded form: the values of secret parameters replaced. */
  Multimap redactForm(Multimap form, SecretValues found) {
    if (form.isEmpty()) return form;
    Multimap.Builder out = Multimap.builder();
    form.asMap().forEach((name, values) -> {
      String placeholder = placeholderOf(name);
      List<String> replaced = new ArrayList<>(values.size());
      for (String value : values) {
        if (placeholder != null) found.add(value, placeholder);
        replaced.add(placeholder != null ? placeholder : value);
      }
      out.addAll(name, replaced);
    });
    return out.build();
  }

  private String redactPair(String name, String rawPair, SecretValues found) {
    String placeholder = placeholderOf(name);
    if (placeholder == null) return rawPair;
    int equals = rawPair.indexOf('=');
    if (equals >= 0) {
      String raw = rawPair.substring(equals + 1);
      found.add(raw, placeholder);
      found.add(QueryString.decode(raw), placeholder);
    }
    return QueryString.rawName(rawPair) + "=" + placeholder;
  }

  /**
   * {@code https://user:secret@host/} becomes {@code https://user:<PASSWORD>@host/}, and
   * {@code https://token@host/} becomes {@code https://<TOKEN>@host/}.
   */
  private static String redactUserInfo(String url, SecretValues found) {
    int scheme = url.indexOf("://");
    if (scheme < 0) return url;
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
    int at = url.lastIndexOf('@', end - 1);
    if (at < start) return url;
    int colon = url.indexOf(':', start);
    if (colon >= 0 && colon < at) {
      String password = url.substring(colon + 1, at);
      if (password.equals("<PASSWORD>")) return url;
      found.add(password, "<PASSWORD>");
      found.add(QueryString.decode(password), "<PASSWORD>");
      return url.substring(0, colon + 1) + "<PASSWORD>" + url.substring(at);
    }
    String user = url.substring(start, at);
    if (!looksLikeToken(user)) return url;
    found.add(user, "<TOKEN>");
    found.add(QueryString.decode(user), "<TOKEN>");
    return url.substring(0, start) + "<TOKEN>" + url.substring(at);
  }

  /**
   * Whether a user name standing alone is a token ({@code https://TOKEN@github.com/}) rather than a
   * name ({@code git@}, {@code ann@}): 20 characters or more, or 8 or more with a digit.
   */
  private static boolean looksLikeToken(String user) {
    if (SecretValues.isPlaceholder(user)) return false;
    return user.length() >= 20 || user.length() >= 8 && user.chars().anyMatch(Character::isDigit);
  }

  /**
   * A header value with each absolute URL in it ({@code Location}, {@code Content-Location}, an upload
   * URL, the {@code <...>} of a {@code Link}) redacted as a request's URL is. A client that follows a
   * redacted URL on replay sends a request that redacts to the same text, so it still matches.
   */
  String redactUrlsIn(String value, SecretValues found) {
    if (!value.contains("://")) return value;
    StringBuilder redacted = null;
    int copied = 0;
    for (int start = indexOfUrl(value, 0); start >= 0; start = indexOfUrl(value, copied)) {
      int end = urlEnd(value, start);
      if (redacted == null) redacted = new StringBuilder(value.length());
      redacted.append(value, copied, start).append(redact(value.substring(start, end), found));
      copied = end;
    }
    return redacted == null ? value : redacted.append(value, copied, value.length()).toString();
  }

  /**
   * Where the URL starting at {@code start} ends: at white space or a quote; in a {@code <...>} (as in
   * {@code Link}), at the {@code >} that ends the brackets, not one of a placeholder inside them.
   */
  private static int urlEnd(String text, int start) {
    boolean bracketed = start > 0 && text.charAt(start - 1) == '<';
    int end = start;
    for (; end < text.length(); end++) {
      char c = text.charAt(end);
      if (Character.isWhitespace(c) || c == '"') break;
      if (bracketed && c == '>') {
        char next = end + 1 < text.length() ? text.charAt(end + 1) : ';';
        if (next == ';' || next == ',' || Character.isWhitespace(next)) break;
      }
    }
    return end;
  }

  private static int indexOfUrl(String text, int from) {
    String lower = text.toLowerCase(Locale.ROOT);
    int http = lower.indexOf("http://", from);
    int https = lower.indexOf("https://", from);
    return http < 0 ? https : https < 0 ? http : Math.min(http, https);
  }

  /**
   * Adds the value of a secret parameter of a URL in free text (a body) that starts at {@code i}: a
   * {@code ?}, {@code &} or {@code ;} (as in {@code &amp;}), a known name, {@code =}, then the value up
   * to a character that ends a URL in JSON, HTML or prose. Reads the text as it is, so a large body is
   * not copied.
   *
   * @return where to go on reading
   */
  int parameterAt(CharSequence text, int i, Replacements found) {
    int n = text.length();
    int nameStart = i + 1;
    int equals = nameStart;
    while (equals < n && equals - nameStart <= MAX_NAME && isNameChar(text.charAt(equals))) equals++;
    if (equals == nameStart || equals >= n || text.charAt(equals) != '=') return i + 1;
    String placeholder = placeholderOf(text.subSequence(nameStart, equals).toString());
    if (placeholder == null) return i + 1;
    int valueEnd = equals + 1;
    while (valueEnd < n && !endsUrlValue(text.charAt(valueEnd))) valueEnd++;
    if (valueEnd > equals + 1) found.add(equals + 1, valueEnd, placeholder);
    return valueEnd;
  }

  private static boolean isNameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
        || c == '.' || c == '%';
  }

  private static boolean endsUrlValue(char c) {
    return c <= ' ' || "&#\"'<>\\)]`;,".indexOf(c) >= 0;
  }
}
