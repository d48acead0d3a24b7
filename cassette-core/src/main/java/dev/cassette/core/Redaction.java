package dev.cassette.core;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Keeps secrets out of cassette files. A {@link Recorder} applies it to every exchange it records and,
 * the same way, to every live request before matching, so that a request carrying a real key (or, in
 * CI, none) still matches a recording that holds only the placeholder (as Ruby VCR's
 * {@code filter_sensitive_data}).
 *
 * <p>It works in two steps. First the rules that know secrets by <em>name</em> remove them and remember
 * each value removed; then every place of the interaction is scrubbed of those <em>values</em>, of the
 * literal secrets configured, and of values shaped like well-known credentials. A token sent in
 * {@code Authorization} and echoed in a response body, or put into a path, is therefore found in both.
 * Where each rule lives:
 *
 * <table>
 *   <caption>rules by place</caption>
 *   <tr><th>place</th><th>rule</th><th>class</th></tr>
 *   <tr><td>request and response headers and trailers</td><td>an allowlist of request headers by default,
 *       a denylist of response headers; a dropped credential header gives up its value</td>
 *       <td>{@code HeaderRules}</td></tr>
 *   <tr><td>URL: query, fragment, user info; URLs in header values and bodies; form fields and
 *       url-encoded bodies</td><td>{@link #DEFAULT_QUERY_PARAMETERS} by name</td><td>{@code UrlRules}</td></tr>
 *   <tr><td>JSON bodies, JSON parts, JSON inside JSON strings</td><td>{@link #DEFAULT_JSON_FIELDS} by name,
 *       JSON Pointers</td><td>{@code JsonBodyRules}</td></tr>
 *   <tr><td>multipart bodies</td><td>fields named as JSON members or query parameters</td>
 *       <td>{@code MultipartBodyRules}</td></tr>
 *   <tr><td>XML bodies</td><td>elements named as JSON members</td><td>{@code XmlBodyRules}</td></tr>
 *   <tr><td>which of these a body gets; gzip bodies the client did not decompress</td><td>by content type
 *       and first bytes, decoded once</td><td>{@code BodyRules}</td></tr>
 *   <tr><td>everywhere: URL, header and form values, every body (SSE streams included)</td><td>the values
 *       removed above, {@link Builder#replaceText} and {@link Builder#replaceEnv} secrets</td>
 *       <td>{@code SecretValues}</td></tr>
 *   <tr><td>everywhere</td><td>JWTs, {@code sk-}, {@code sk-ant-}, {@code AIza}, {@code hf_},
 *       {@code AKIA}/{@code ASIA}, {@code ghp_}, {@code xox?-} keys</td><td>{@code CredentialPatterns}</td></tr>
 * </table>
 *
 * <p>Request headers are kept by an allowlist ({@code Accept}, {@code Content-Type},
 * {@code User-Agent}, plus {@link Builder#allowHeaders}), as fantasy records, because a request header
 * nobody thought of (a signature, a session id) is then dropped rather than leaked;
 * {@link Builder#denyHeaders} switches to a denylist. Response headers are all kept except those that
 * hand the client a credential or a session: they are what the server tells every caller, and code
 * under test reads them.
 *
 * <p>A placeholder not given explicitly is derived from the name: {@code api_key} and {@code apiKey}
 * become {@code <API_KEY>}; a value scrubbed elsewhere takes the placeholder of the place it was first
 * found ({@code <AUTHORIZATION>} for a bearer token). Redacting an already redacted exchange changes
 * nothing. When a rewrite changes a body's length, a {@code content_length} that equalled the old length
 * follows it.
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
   * Query, fragment and form parameters redacted by default, names ignoring case: API keys as Google
   * ({@code key}) and Azure OpenAI ({@code api-key}) take them, Azure Functions' {@code code}, OAuth's
   * credentials and tokens (also in a fragment, {@code #access_token=}), and the signatures of AWS, GCS
   * and CloudFront signed URLs and Azure SAS URLs. The same names are redacted in any URL a body holds.
   */
  public static final List<String> DEFAULT_QUERY_PARAMETERS = List.of(
      "key", "api_key", "api-key", "apikey", "code", "token", "access_token", "refresh_token", "id_token",
      "auth_token", "session_token", "client_secret", "client_assertion", "password", "secret",
      "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token", "X-Goog-Signature", "X-Goog-Credential",
      "Signature", "sig");

  /**
   * JSON members redacted by default, at any depth of a JSON body, a JSON part or JSON inside a JSON
   * string; also the XML elements and multipart fields of these names. Names compare ignoring case,
   * {@code _} and {@code -} ({@code apiKey}, {@code API-KEY} and {@code api_key} are one name).
   * {@code token} is not redacted inside log probabilities, where it is generated text.
   */
  public static final List<String> DEFAULT_JSON_FIELDS = List.of(
      "api_key", "access_token", "refresh_token", "id_token", "auth_token", "session_token", "token",
      "client_secret", "client_assertion", "password", "passwd", "secret", "secret_key", "secret_access_key",
      "private_key", "authorization");

  private static final Redaction DEFAULTS = new Builder(true).build();
  private static final Redaction NONE = new Builder(false).build();

  // The configuration as given, for toBuilder() and toString().
  private final boolean allowlist;
  private final Set<String> headerNames;
  private final boolean denySensitiveNames;
  private final Set<String> deniedResponseHeaders;
  private final Set<String> allowedResponseHeaders;
  private final boolean denySensitiveResponseNames;
  private final Map<String, String> queryParameters;
  private final Map<String, String> jsonFields;
  private final Map<JsonPointer, String> jsonPointers;
  private final Map<String, String> texts;
  private final boolean redactUrlPasswords;

  // The rules it makes, one per place (see the class comment).
  private final HeaderRules headerRules;
  private final UrlRules urlRules;
  private final BodyRules bodyRules;

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
    this.headerRules = new HeaderRules(allowlist, headerNames, denySensitiveNames, deniedResponseHeaders,
        allowedResponseHeaders, denySensitiveResponseNames);
    this.urlRules = new UrlRules(queryParameters, redactUrlPasswords);
    Map<String, String> normalized = new LinkedHashMap<>();
    jsonFields.forEach((name, placeholder) -> normalized.putIfAbsent(JsonBodyRules.normalize(name), placeholder));
    this.bodyRules = new BodyRules(urlRules, new JsonBodyRules(normalized, jsonPointers));
  }

  /**
   * The default: keep only Accept, Content-Type and User-Agent request headers and every response
   * header but {@link #DEFAULT_DENIED_RESPONSE_HEADERS} and names with
   * {@link #SENSITIVE_RESPONSE_NAME_PARTS}; redact {@link #DEFAULT_QUERY_PARAMETERS},
   * {@link #DEFAULT_JSON_FIELDS}, the user info of URLs, the values they held wherever else they
   * appear, and credential-shaped values everywhere.
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

  /**
   * The value of an environment variable that holds a secret, or its placeholder ({@code <NAME>}) when
   * it is unset. Code under test sends this where it would send the secret: while recording it is the
   * real value, which {@link Builder#replaceEnv} turns into the placeholder in the file; on a replay
   * without the variable (CI) it is the placeholder itself, so the request still matches, even where
   * the secret stands in a URL or body.
   */
  public static String env(String variable) {
    return env(variable, System::getenv);
  }

  static String env(String variable, Function<String, String> environment) {
    String value = environment.apply(Objects.requireNonNull(variable, "variable"));
    return value == null || value.isEmpty() ? placeholderFor(variable) : value;
  }

  /** The request as it may be written to a cassette; the same instance when nothing changes. */
  public Request redact(Request request) {
    return redact(request, newSecretValues());
  }

  /**
   * The response as it may be written to a cassette; the same instance when nothing changes. Redacting
   * a response alone cannot scrub the request's secrets from it: {@link #redact(Interaction)} does.
   */
  public Response redact(Response response) {
    return redact(response, newSecretValues());
  }

  /**
   * Both sides of an interaction redacted, the response also of every value the request's redaction
   * removed (an echoed key, an SSE event quoting the token).
   */
  public Interaction redact(Interaction interaction) {
    SecretValues found = newSecretValues();
    Request request = redact(interaction.request(), found);
    Response response = redact(interaction.response(), found);
    return request == interaction.request() && response == interaction.response()
        ? interaction
        : Interaction.of(request, response);
  }

  private SecretValues newSecretValues() {
    return new SecretValues(texts, urlRules);
  }

  /** The name rules first, collecting values; then scrubbing every place of the values found. */
  private Request redact(Request request, SecretValues found) {
    Multimap headers = headerRules.request(request.headers(), found);
    Multimap trailer = headerRules.request(request.trailer(), found);
    String url = urlRules.redact(request.url(), found);
    String requestUri = request.requestUri().isEmpty() ? "" : urlRules.redact(request.requestUri(), found);
    Multimap form = urlRules.redactForm(request.form(), found);
    BodyRules.Pending pending = bodyRules.structure(request.body(),
        request.headers().firstIgnoreCase("Content-Type"), request.headers().firstIgnoreCase("Content-Encoding"),
        found);

    Request.Builder b = request.toBuilder()
        .url(found.scrubUrl(url))
        .trailer(scrubHeaders(trailer, found))
        .form(scrubValues(form, found));
    if (!requestUri.isEmpty()) b.requestUri(found.scrubUrl(requestUri));
    headers = scrubHeaders(headers, found);
    Body body = bodyRules.finish(pending, found);
    b.body(body);
    if (body.length() != request.body().length()) {
      if (request.contentLength() == request.body().length()) b.contentLength(body.length());
      headers = withContentLength(headers, body.length());
    }
    b.headers(headers);
    Request redacted = b.build();
    return redacted.equals(request) ? request : redacted;
  }

  private Response redact(Response response, SecretValues found) {
    Multimap headers = headerRules.response(response.headers(), found);
    Multimap trailer = headerRules.response(response.trailer(), found);
    BodyRules.Pending pending = bodyRules.structure(response.body(),
        response.headers().firstIgnoreCase("Content-Type"),
        response.headers().firstIgnoreCase("Content-Encoding"), found);

    Response.Builder b = response.toBuilder().trailer(scrubHeaders(trailer, found));
    headers = scrubHeaders(headers, found);
    Body body = bodyRules.finish(pending, found);
    b.body(body);
    if (body.length() != response.body().length()) {
      if (response.contentLength() == response.body().length()) b.contentLength(body.length());
      headers = withContentLength(headers, body.length());
    }
    b.headers(headers);
    Response redacted = b.build();
    return redacted.equals(response) ? response : redacted;
  }

  /** Kept header values scrubbed, and the URLs they hold redacted as request URLs are. */
  private Multimap scrubHeaders(Multimap headers, SecretValues found) {
    return edit(headers, value -> found.scrub(urlRules.redactUrlsIn(value, found)));
  }

  private static Multimap scrubValues(Multimap form, SecretValues found) {
    return edit(form, found::scrub);
  }

  /** Every value edited; the same instance when no value changes, as is usual. */
  private static Multimap edit(Multimap map, UnaryOperator<String> edit) {
    if (map.isEmpty()) return map;
    Multimap.Builder out = null;
    for (Map.Entry<String, List<String>> e : map.asMap().entrySet()) {
      List<String> values = e.getValue();
      for (int i = 0; i < values.size(); i++) {
        String result = edit.apply(values.get(i));
        if (out == null && !result.equals(values.get(i))) out = copyBefore(map, e.getKey(), values.subList(0, i));
        if (out != null) out.add(e.getKey(), result);
      }
    }
    return out == null ? map : out.build();
  }

  /** A builder holding the entries of {@code map} before {@code name}, and these of its values. */
  private static Multimap.Builder copyBefore(Multimap map, String name, List<String> valuesBefore) {
    Multimap.Builder out = Multimap.builder();
    for (Map.Entry<String, List<String>> e : map.asMap().entrySet()) {
      if (e.getKey().equals(name)) break;
      out.addAll(e.getKey(), e.getValue());
    }
    if (!valuesBefore.isEmpty()) out.addAll(name, valuesBefore);
    return out;
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
     * request and response bodies, also inside a body the client did not decompress. A null or empty
     * secret is ignored. For a secret read from the environment prefer {@link #replaceEnv}: with this
     * method, a run without the variable sends something else where the secret stood, and a secret in a
     * URL or body then no longer matches its recording.
     */
    public Builder replaceText(String secret, String placeholder) {
      requirePlaceholder(placeholder);
      if (secret != null && !secret.isEmpty()) texts.put(secret, placeholder);
      return this;
    }

    /**
     * Redacts the secret an environment variable holds, wherever it appears, as {@code <NAME>}: the
     * live value when the variable is set (recording), and nothing to replace when it is not (CI). Pair
     * it with {@link Redaction#env}, which gives code under test the placeholder itself when the
     * variable is unset, so that a secret in a URL or body matches in both runs. The URL-encoded
     * placeholder ({@code %3CNAME%3E}, as clients escape it in a path) is read as the placeholder.
     */
    public Builder replaceEnv(String variable) {
      return replaceEnv(variable, System::getenv);
    }

    Builder replaceEnv(String variable, Function<String, String> environment) {
      String placeholder = placeholderFor(Objects.requireNonNull(variable, "variable"));
      String value = environment.apply(variable);
      if (value != null && !value.isEmpty()) texts.put(value, placeholder);
      String inner = placeholder.substring(1, placeholder.length() - 1);
      texts.put("%3C" + inner + "%3E", placeholder);
      texts.put("%3c" + inner + "%3e", placeholder);
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
