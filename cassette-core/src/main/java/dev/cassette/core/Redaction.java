package dev.cassette.core;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Keeps secrets out of cassette files. A {@link Recorder} applies it to every exchange it records and,
 * the same way, to every live request before matching, so that a request carrying a real key still
 * matches a recording that holds only the placeholder (as Ruby VCR's {@code filter_sensitive_data}).
 *
 * <p>What it does, in this order:
 * <ol>
 *   <li>Literal replacements ({@link Builder#replaceText}): a known secret value becomes a placeholder in
 *       the URL (also URL-encoded), header and form values and both bodies.
 *   <li>Request headers and trailers: by default only an allowlist is kept ({@code Accept},
 *       {@code Content-Type}, {@code User-Agent}, plus {@link Builder#allowHeaders}), as fantasy records,
 *       because a request header nobody thought of (a signature, a session id) is then dropped rather
 *       than leaked. {@link Builder#denyHeaders} switches to a denylist for users who want to keep more;
 *       it starts from {@link #DEFAULT_DENIED_HEADERS} and also drops every header whose name contains
 *       one of {@link #SENSITIVE_NAME_PARTS}.
 *   <li>Response headers and trailers: all are kept except those that hand the client a credential or
 *       a session ({@link #DEFAULT_DENIED_RESPONSE_HEADERS}, and names containing one of
 *       {@link #SENSITIVE_RESPONSE_NAME_PARTS}), plus {@link Builder#denyResponseHeaders} and any name
 *       given to {@link Builder#denyHeaders}. A response's headers are what the server tells every
 *       caller (request ids, rate limits, content length), and code under test reads them; the secrets
 *       in a request are the caller's own, which is why the two sides differ.
 *   <li>Query parameters: the value of each named parameter is replaced by its placeholder, in the URL
 *       (and {@code request_uri}), in {@code form}, in a url-encoded request body and in a header value
 *       that is a URL (a redirect's {@code Location} to a pre-signed URL carries its signature). Names
 *       are compared ignoring case.
 *   <li>JSON bodies (request and response): the value of each named object member, at any depth, and of
 *       each JSON Pointer is replaced by its placeholder. A body is rewritten (compactly) only when it
 *       held such a value; otherwise its bytes are kept.
 * </ol>
 *
 * <p>A placeholder not given explicitly is derived from the name: {@code api_key} and {@code apiKey}
 * become {@code <API_KEY>}. Redacting an already redacted exchange changes nothing. When a rewrite
 * changes a body's length, a {@code content_length} that equalled the old length follows it.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()} or {@link #toBuilder()}.
 */
public final class Redaction {
  /** Headers the default allowlist keeps. */
  public static final List<String> DEFAULT_ALLOWED_HEADERS = List.of("Accept", "Content-Type", "User-Agent");

  /** Headers a denylist drops from the start: credentials, cookies and request signatures. */
  public static final List<String> DEFAULT_DENIED_HEADERS = List.of(
      "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key",
      "X-Goog-Api-Key", "X-Amz-Security-Token", "X-Amz-Date", "X-Amz-Content-Sha256", "X-Csrf-Token",
      "X-Xsrf-Token", "Ocp-Apim-Subscription-Key", "Www-Authenticate", "Proxy-Authenticate");

  /**
   * A denylist also drops any header whose name contains one of these, ignoring case, so that vendor
   * headers such as {@code X-Foo-Auth-Token} do not slip through.
   */
  public static final List<String> SENSITIVE_NAME_PARTS = List.of(
      "auth", "token", "secret", "api-key", "apikey", "cookie", "signature", "password", "session");

  /**
   * Response headers (and trailers) dropped by default: cookies and sessions the server hands out
   * ({@code Set-Cookie}, {@code Set-Cookie2}), credentials a server or proxy may send or echo
   * ({@code Authorization}, {@code Cookie}, API key headers, tokens issued in a header such as
   * OpenStack's {@code X-Subject-Token}), Digest's {@code Authentication-Info}, whose {@code rspauth} is
   * derived from the password, and anti-forgery tokens bound to a session. {@code WWW-Authenticate} and
   * {@code Proxy-Authenticate} are kept: a challenge is the same for every caller without credentials,
   * holds none, and clients read it to explain a 401.
   */
  public static final List<String> DEFAULT_DENIED_RESPONSE_HEADERS = List.of(
      "Set-Cookie", "Set-Cookie2", "Authorization", "Proxy-Authorization", "Cookie", "Authentication-Info",
      "Proxy-Authentication-Info", "X-Api-Key", "Api-Key", "X-Goog-Api-Key", "X-Amz-Security-Token",
      "X-Auth-Token", "X-Subject-Token", "X-Access-Token", "X-Refresh-Token", "X-Csrf-Token", "X-Xsrf-Token");

  /**
   * Response headers whose name contains one of these, ignoring case, are dropped too, so that vendor
   * headers such as {@code X-Session-Id} or {@code X-Amzn-Remapped-Set-Cookie} do not slip through.
   * Narrower than {@link #SENSITIVE_NAME_PARTS}: {@code token} would drop the rate-limit headers
   * ({@code x-ratelimit-remaining-tokens}) and {@code auth} the challenges that tests need.
   */
  public static final List<String> SENSITIVE_RESPONSE_NAME_PARTS = List.of(
      "cookie", "session", "secret", "password", "api-key", "apikey");

  /**
   * Query and form parameters redacted by default: API keys as Google and others take them, the
   * credentials of an OAuth token request ({@code grant_type=password}, {@code refresh_token}), and the
   * signature of AWS pre-signed and Azure SAS URLs.
   */
  public static final List<String> DEFAULT_QUERY_PARAMETERS = List.of(
      "key", "api_key", "apikey", "token", "access_token", "refresh_token", "id_token", "client_secret",
      "client_assertion", "password", "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token", "sig");

  /** JSON members redacted by default, at any depth of a JSON body. */
  public static final List<String> DEFAULT_JSON_FIELDS = List.of(
      "api_key", "apiKey", "access_token", "refresh_token", "client_secret", "password");

  private static final Redaction DEFAULTS = new Builder(true).build();
  private static final Redaction NONE = new Builder(false).build();

  private final boolean allowlist;
  /** Lower-case header names: kept in allowlist mode, dropped in denylist mode. */
  private final Set<String> headerNames;
  private final boolean denySensitiveNames;
  /** Lower-case response header names dropped. */
  private final Set<String> deniedResponseHeaders;
  /** Lower-case response header names kept even when denied or sensitive. */
  private final Set<String> allowedResponseHeaders;
  private final boolean denySensitiveResponseNames;
  /** Lower-case parameter name to placeholder. */
  private final Map<String, String> queryParameters;
  private final Map<String, String> jsonFields;
  private final Map<JsonPointer, String> jsonPointers;
  private final Map<String, String> texts;
  private final boolean redactUrlPasswords;

  private Redaction(Builder b) {
    this.allowlist = b.allowlist;
    this.headerNames = Collections.unmodifiableSet(new LinkedHashSet<>(b.headerNames));
    this.denySensitiveNames = b.denySensitiveNames;
    this.deniedResponseHeaders = Collections.unmodifiableSet(new LinkedHashSet<>(b.deniedResponseHeaders));
    this.allowedResponseHeaders = Collections.unmodifiableSet(new LinkedHashSet<>(b.allowedResponseHeaders));
    this.denySensitiveResponseNames = b.denySensitiveResponseNames;
    this.queryParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.queryParameters));
    this.jsonFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.jsonFields));
    this.jsonPointers = Collections.unmodifiableMap(new LinkedHashMap<>(b.jsonPointers));
    this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(b.texts));
    this.redactUrlPasswords = b.redactUrlPasswords;
  }

  /**
   * The default: keep only Accept, Content-Type and User-Agent request headers and every response
   * header but {@link #DEFAULT_DENIED_RESPONSE_HEADERS} and names with
   * {@link #SENSITIVE_RESPONSE_NAME_PARTS}; redact
   * {@link #DEFAULT_QUERY_PARAMETERS}, {@link #DEFAULT_JSON_FIELDS} and the password of a URL's user
   * info ({@code https://user:<PASSWORD>@host/}).
   */
  public static Redaction defaults() {
    return DEFAULTS;
  }

  /** Redacts nothing: every header and value is recorded as sent. */
  public static Redaction none() {
    return NONE;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder(true);
  }

  /** A builder starting from this redaction. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The request as it may be written to a cassette; the same instance when nothing changes. */
  public Request redact(Request request) {
    Request.Builder b = request.toBuilder();
    String url = replaceTexts(request.url(), true);
    if (redactUrlPasswords) url = redactUrlPassword(url);
    url = QueryString.editUrl(url, this::redactPair);
    b.url(url);
    if (!request.requestUri().isEmpty()) {
      b.requestUri(QueryString.editUrl(replaceTexts(request.requestUri(), true), this::redactPair));
    }
    Multimap headers = redactHeaders(request.headers(), this::keepsRequestHeader);
    b.trailer(redactHeaders(request.trailer(), this::keepsRequestHeader));
    b.form(redactForm(request.form()));
    Body body = replaceTexts(request.body());
    String contentType = request.headers().firstIgnoreCase("Content-Type");
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("application/x-www-form-urlencoded")
        && body.isUtf8() && !queryParameters.isEmpty()) {
      body = Body.ofGoString(QueryString.editQuery(body.goString(), this::redactPair));
    }
    body = redactJson(body);
    b.body(body);
    if (body.length() != request.body().length()) {
      if (request.contentLength() == request.body().length()) b.contentLength(body.length());
      headers = withContentLength(headers, body.length());
    }
    b.headers(headers);
    Request redacted = b.build();
    return redacted.equals(request) ? request : redacted;
  }

  /** The response as it may be written to a cassette; the same instance when nothing changes. */
  public Response redact(Response response) {
    Response.Builder b = response.toBuilder();
    Multimap headers = redactHeaders(response.headers(), this::keepsResponseHeader);
    b.trailer(redactHeaders(response.trailer(), this::keepsResponseHeader));
    Body body = redactJson(replaceTexts(response.body()));
    b.body(body);
    if (body.length() != response.body().length()) {
      if (response.contentLength() == response.body().length()) b.contentLength(body.length());
      headers = withContentLength(headers, body.length());
    }
    b.headers(headers);
    Response redacted = b.build();
    return redacted.equals(response) ? response : redacted;
  }

  /** Both sides of an interaction redacted. */
  public Interaction redact(Interaction interaction) {
    Request request = redact(interaction.request());
    Response response = redact(interaction.response());
    return request == interaction.request() && response == interaction.response()
        ? interaction
        : Interaction.of(request, response);
  }

  /** {@code https://user:secret@host/} becomes {@code https://user:<PASSWORD>@host/}. */
  private static String redactUrlPassword(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) return url;
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
    int at = url.lastIndexOf('@', end - 1);
    if (at < start) return url;
    int colon = url.indexOf(':', start);
    if (colon < 0 || colon > at) return url;
    return url.substring(0, colon + 1) + "<PASSWORD>" + url.substring(at);
  }

  private boolean keepsRequestHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (allowlist) return headerNames.contains(lower);
    if (headerNames.contains(lower)) return false;
    if (denySensitiveNames) {
      for (String part : SENSITIVE_NAME_PARTS) {
        if (lower.contains(part)) return false;
      }
    }
    return true;
  }

  private boolean keepsResponseHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (allowedResponseHeaders.contains(lower)) return true;
    if (deniedResponseHeaders.contains(lower)) return false;
    if (denySensitiveResponseNames) {
      for (String part : SENSITIVE_RESPONSE_NAME_PARTS) {
        if (lower.contains(part)) return false;
      }
    }
    return true;
  }

  private Multimap redactHeaders(Multimap headers, Predicate<String> keeps) {
    if (headers.isEmpty()) return headers;
    Multimap.Builder out = Multimap.builder();
    headers.asMap().forEach((name, values) -> {
      if (!keeps.test(name)) return;
      List<String> replaced = new ArrayList<>(values.size());
      for (String value : values) replaced.add(redactHeaderValue(value));
      out.addAll(name, replaced);
    });
    return out.build();
  }

  /**
   * A header value with known secrets replaced, and each absolute URL in it ({@code Location},
   * {@code Content-Location}, an upload URL, the {@code <...>} of a {@code Link}) redacted as a request's
   * URL is. A client that follows a redacted URL on replay sends a request that redacts to the same
   * text, so it still matches.
   */
  private String redactHeaderValue(String value) {
    String out = replaceTexts(value, false);
    if (!out.contains("://")) return out;
    StringBuilder redacted = null;
    int copied = 0;
    for (int start = indexOfUrl(out, 0); start >= 0; start = indexOfUrl(out, copied)) {
      int end = urlEnd(out, start);
      if (redacted == null) redacted = new StringBuilder(out.length());
      redacted.append(out, copied, start).append(redactUrl(out.substring(start, end)));
      copied = end;
    }
    return redacted == null ? out : redacted.append(out, copied, out.length()).toString();
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

  private String redactUrl(String url) {
    String out = replaceTexts(url, true);
    if (redactUrlPasswords) out = redactUrlPassword(out);
    return QueryString.editUrl(out, this::redactPair);
  }

  /**
   * Headers whose Content-Length, if kept, states a redacted body's new size: a replay must not announce
   * more bytes than it delivers.
   */
  private static Multimap withContentLength(Multimap headers, long length) {
    if (headers.firstIgnoreCase("Content-Length") == null) return headers;
    Multimap.Builder out = Multimap.builder();
    headers.asMap().forEach((name, values) -> {
      if (name.equalsIgnoreCase("Content-Length")) out.add(name, Long.toString(length));
      else out.addAll(name, values);
    });
    return out.build();
  }

  private Multimap redactForm(Multimap form) {
    if (form.isEmpty()) return form;
    Multimap.Builder out = Multimap.builder();
    form.asMap().forEach((name, values) -> {
      String placeholder = queryParameters.get(name.toLowerCase(Locale.ROOT));
      List<String> replaced = new ArrayList<>(values.size());
      for (String value : values) replaced.add(placeholder != null ? placeholder : replaceTexts(value, false));
      out.addAll(name, replaced);
    });
    return out.build();
  }

  private String redactPair(String name, String rawPair) {
    String placeholder = queryParameters.get(name.toLowerCase(Locale.ROOT));
    return placeholder == null ? rawPair : QueryString.rawName(rawPair) + "=" + placeholder;
  }

  private String replaceTexts(String value, boolean alsoUrlEncoded) {
    String out = value;
    for (Map.Entry<String, String> e : texts.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
      if (alsoUrlEncoded) out = out.replace(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8), e.getValue());
    }
    return out;
  }

  private Body replaceTexts(Body body) {
    if (texts.isEmpty() || body.isEmpty()) return body;
    String text = body.goString();
    String replaced = replaceTexts(text, false);
    return replaced.equals(text) ? body : Body.ofGoString(replaced);
  }

  private Body redactJson(Body body) {
    // Only a JSON object or array can hold a member to redact; the byte check spares decoding large
    // bodies of other kinds (a 200 MB event stream) just to find that out.
    if (jsonFields.isEmpty() && jsonPointers.isEmpty() || body.isEmpty() || !body.startsLikeJsonContainer()
        || !body.isUtf8()) {
      return body;
    }
    String text = body.text();
    if (jsonPointers.isEmpty() && !mentionsJsonField(text)) return body;
    JsonNode json = Json.parse(text);
    if (json == null || !json.isContainerNode()) return body;
    boolean changed = false;
    for (Map.Entry<String, String> e : jsonFields.entrySet()) {
      changed |= Json.replaceField(json, e.getKey(), e.getValue());
    }
    for (Map.Entry<JsonPointer, String> e : jsonPointers.entrySet()) {
      changed |= Json.replace(json, e.getKey(), e.getValue());
    }
    return changed ? Body.ofText(Json.write(json)) : body;
  }

  /**
   * Whether a redacted member name may occur: most bodies hold none, and then need no parse. A body with
   * backslash-u escapes is always parsed, as a name may be spelt with them.
   */
  private boolean mentionsJsonField(String text) {
    if (text.contains("\\u")) return true;
    for (String name : jsonFields.keySet()) {
      if (text.contains(name)) return true;
    }
    return false;
  }

  /**
   * The placeholder for a name: upper case, words joined by underscores, in angle brackets
   * ({@code apiKey}, {@code api-key} and {@code /auth/api_key} all give {@code <API_KEY>}).
   */
  static String placeholderFor(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    StringBuilder out = new StringBuilder("<");
    for (int i = 0; i < last.length(); i++) {
      char c = last.charAt(i);
      boolean wordStart = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(last.charAt(i - 1));
      if (wordStart) out.append('_');
      out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return out.append('>').toString();
  }

  @Override
  public String toString() {
    return "Redaction(" + (allowlist ? "keep request headers " : "drop request headers ") + headerNames
        + (denySensitiveNames ? " and names containing " + SENSITIVE_NAME_PARTS : "")
        + ", drop response headers " + deniedResponseHeaders
        + (denySensitiveResponseNames ? " and names containing " + SENSITIVE_RESPONSE_NAME_PARTS : "")
        + (allowedResponseHeaders.isEmpty() ? "" : " but " + allowedResponseHeaders)
        + ", query " + queryParameters.keySet() + ", json " + jsonFields.keySet() + " "
        + jsonPointers.keySet() + ", " + texts.size() + " literal texts)";
  }

  /** Collects a {@link Redaction}. */
  public static final class Builder {
    private boolean allowlist;
    private final Set<String> headerNames = new LinkedHashSet<>();
    private boolean denySensitiveNames;
    private final Set<String> deniedResponseHeaders = new LinkedHashSet<>();
    private final Set<String> allowedResponseHeaders = new LinkedHashSet<>();
    private boolean denySensitiveResponseNames;
    private final Map<String, String> queryParameters = new LinkedHashMap<>();
    private final Map<String, String> jsonFields = new LinkedHashMap<>();
    private final Map<JsonPointer, String> jsonPointers = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private boolean redactUrlPasswords;

    private Builder(boolean defaults) {
      allowlist = defaults;
      redactUrlPasswords = defaults;
      denySensitiveResponseNames = defaults;
      if (defaults) {
        allowHeaders(DEFAULT_ALLOWED_HEADERS.toArray(new String[0]));
        denyResponseHeaders(DEFAULT_DENIED_RESPONSE_HEADERS.toArray(new String[0]));
        DEFAULT_QUERY_PARAMETERS.forEach(this::redactQueryParameter);
        DEFAULT_JSON_FIELDS.forEach(this::redactJsonField);
      }
    }

    private Builder(Redaction r) {
      allowlist = r.allowlist;
      headerNames.addAll(r.headerNames);
      denySensitiveNames = r.denySensitiveNames;
      deniedResponseHeaders.addAll(r.deniedResponseHeaders);
      allowedResponseHeaders.addAll(r.allowedResponseHeaders);
      denySensitiveResponseNames = r.denySensitiveResponseNames;
      queryParameters.putAll(r.queryParameters);
      jsonFields.putAll(r.jsonFields);
      jsonPointers.putAll(r.jsonPointers);
      texts.putAll(r.texts);
      redactUrlPasswords = r.redactUrlPasswords;
    }

    /**
     * Keeps these request headers too (names ignoring case). Response headers are kept unless denied;
     * see {@link #allowResponseHeaders} for those.
     *
     * @throws IllegalStateException after {@link #denyHeaders}: a denylist keeps every other header anyway
     */
    public Builder allowHeaders(String... names) {
      if (!allowlist) {
        throw new IllegalStateException("allowHeaders() adds to the header allowlist, but this redaction uses a"
            + " denylist (denyHeaders() or Redaction.none()); a denylist keeps every header it does not name");
      }
      for (String name : names) headerNames.add(name.toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Keeps every request header except these. Called on an allowlist (the default), it switches to a
     * denylist starting from {@link #DEFAULT_DENIED_HEADERS} and {@link #SENSITIVE_NAME_PARTS}; on
     * {@link Redaction#none()} it drops only the names given. A header named here is taken to be secret
     * wherever it appears, so responses drop it too.
     */
    public Builder denyHeaders(String... names) {
      if (allowlist) {
        allowlist = false;
        headerNames.clear();
        DEFAULT_DENIED_HEADERS.forEach(name -> headerNames.add(name.toLowerCase(Locale.ROOT)));
        denySensitiveNames = true;
      }
      for (String name : names) {
        headerNames.add(name.toLowerCase(Locale.ROOT));
        denyResponseHeaders(name);
      }
      return this;
    }

    /**
     * Drops these response headers and trailers too (names ignoring case), for a header a service uses
     * to hand out something secret that {@link #DEFAULT_DENIED_RESPONSE_HEADERS} does not name.
     */
    public Builder denyResponseHeaders(String... names) {
      for (String name : names) {
        String lower = name.toLowerCase(Locale.ROOT);
        deniedResponseHeaders.add(lower);
        allowedResponseHeaders.remove(lower);
      }
      return this;
    }

    /**
     * Records these response headers although the default drops them, e.g. {@code Set-Cookie} for a test
     * of a client's cookie handling against a service whose cookies are not secret.
     */
    public Builder allowResponseHeaders(String... names) {
      for (String name : names) {
        String lower = name.toLowerCase(Locale.ROOT);
        allowedResponseHeaders.add(lower);
        deniedResponseHeaders.remove(lower);
      }
      return this;
    }

    /** Replaces the value of this query parameter (and form field) with a placeholder derived from its name. */
    public Builder redactQueryParameter(String name) {
      return redactQueryParameter(name, placeholderFor(name));
    }

    /** Replaces the value of this query parameter (and form field), named ignoring case, with a placeholder. */
    public Builder redactQueryParameter(String name, String placeholder) {
      queryParameters.put(name.toLowerCase(Locale.ROOT), requirePlaceholder(placeholder));
      return this;
    }

    /** Replaces the value of every JSON object member with this name, at any depth. */
    public Builder redactJsonField(String name) {
      return redactJsonField(name, placeholderFor(name));
    }

    /** Replaces the value of every JSON object member with this name, at any depth, with a placeholder. */
    public Builder redactJsonField(String name, String placeholder) {
      jsonFields.put(Objects.requireNonNull(name, "name"), requirePlaceholder(placeholder));
      return this;
    }

    /**
     * Replaces the JSON value at this pointer (RFC 6901, e.g. {@code /auth/token}).
     *
     * @throws IllegalArgumentException when the pointer is malformed or empty (the whole body)
     */
    public Builder redactJsonPointer(String pointer) {
      return redactJsonPointer(pointer, placeholderFor(pointer));
    }

    /**
     * Replaces the JSON value at this pointer with a placeholder.
     *
     * @throws IllegalArgumentException when the pointer is malformed or empty (the whole body)
     */
    public Builder redactJsonPointer(String pointer, String placeholder) {
      jsonPointers.put(Json.pointer(pointer), requirePlaceholder(placeholder));
      return this;
    }

    /**
     * Replaces a known secret value wherever it appears: URL (also URL-encoded), header and form values,
     * request and response bodies. Use it for a token read from the environment. A null or empty secret
     * is ignored, so that the same configuration serves replay runs where the variable is unset.
     */
    public Builder replaceText(String secret, String placeholder) {
      requirePlaceholder(placeholder);
      if (secret != null && !secret.isEmpty()) texts.put(secret, placeholder);
      return this;
    }

    private static String requirePlaceholder(String placeholder) {
      Objects.requireNonNull(placeholder, "placeholder");
      if (placeholder.isEmpty()) throw new IllegalArgumentException("placeholder is empty");
      return placeholder;
    }

    /** The immutable redaction. */
    public Redaction build() {
      return new Redaction(this);
    }
  }
}
