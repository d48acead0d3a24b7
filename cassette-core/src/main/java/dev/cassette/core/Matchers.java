package dev.cassette.core;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Ready matcher parts, each indexable (see {@link Matcher#indexKey}), combined with {@link Matcher#and}:
 *
 * <pre>{@code
 * Matcher m = Matchers.method().and(Matchers.urlIgnoringQueryParameters("ts")).and(Matchers.body());
 * }</pre>
 *
 * <p>Bodies are compared after normalising CRLF to LF and, when both sides are JSON, as JSON values:
 * object key order does not matter and numbers compare by value ({@code 1.0} equals {@code 1}). A
 * multipart body is compared without its boundary, which clients choose at random for each request.
 */
public final class Matchers {
  private Matchers() {}

  /** The default, as fantasy matches: method, full URL and body (CRLF-normalised, JSON-aware). */
  public static Matcher methodUrlBody() {
    return method().and(url()).and(body());
  }

  /** The HTTP method, exactly. */
  public static Matcher method() {
    return new FormMatcher("method", Request::method, null, null);
  }

  /**
   * The full URL, query included. Spellings that mean the same URL match: {@code '} and {@code %27} in a
   * query (Go sends the one, OkHttp and {@code java.net.http} the other), {@code %2f} and {@code %2F},
   * {@code %7E} and {@code ~}, a host's case, a default port. Escapes that change the meaning do not:
   * {@code %2F} is not {@code /} in a path, nor {@code %26}, {@code %3D} or {@code %2B} the
   * {@code &}, {@code =} or {@code +} of a query. The rules are RFC 3986's normalization, per component.
   */
  public static Matcher url() {
    return new FormMatcher("url", request -> UrlNormalizer.normalize(request.url()), Request::url, Request::url);
  }

  /**
   * The full URL without the named query parameters, for values that change on every run such as
   * timestamps or nonces. Names are compared after URL-decoding, exactly; the rest of the URL as
   * {@link #url()} compares it.
   */
  public static Matcher urlIgnoringQueryParameters(String... names) {
    Set<String> ignored = Set.of(names);
    return new FormMatcher("url ignoring " + ignored,
        request -> UrlNormalizer.normalize(
            QueryString.editUrl(request.url(), (name, pair) -> ignored.contains(name) ? null : pair)),
        Request::url, Request::url);
  }

  /** The body: CRLF normalised to LF, then compared as JSON when both sides are JSON. */
  public static Matcher body() {
    return new FormMatcher("body", request -> bodyForm(request, List.of()), Request::body, Matchers::bodyInput);
  }

  /**
   * The body as {@link #body()} compares it, without the values at these JSON Pointers (RFC 6901, e.g.
   * {@code /metadata/request_id}) when it is JSON.
   *
   * @throws IllegalArgumentException when a pointer is malformed or empty (the whole body)
   */
  public static Matcher jsonBodyIgnoring(String... jsonPointers) {
    List<JsonPointer> pointers = new ArrayList<>();
    for (String p : jsonPointers) pointers.add(Json.pointer(p));
    return new FormMatcher("body ignoring " + List.of(jsonPointers),
        request -> bodyForm(request, pointers), Request::body, Matchers::bodyInput);
  }

  /**
   * The values of these headers (names ignoring case), in order; an absent header equals an absent one.
   * Only headers that {@link Redaction} keeps in the cassette can match.
   */
  public static Matcher headers(String... names) {
    List<String> wanted = List.of(names);
    return new FormMatcher("headers " + wanted, request -> {
      List<List<String>> values = new ArrayList<>(wanted.size());
      for (String name : wanted) values.add(request.headers().getIgnoreCase(name));
      return values;
    }, null, null);
  }

  /**
   * The form of a request's body that matching compares: {@code t:} and the CRLF-normalised text,
   * {@code m:} and the same for a multipart body with its boundary blanked out, or {@code j:} and the
   * canonical JSON. Bytes that are not UTF-8 stay as {@link GoString} escapes, so binary bodies compare
   * exactly.
   */
  static String bodyForm(Request request, List<JsonPointer> ignored) {
    Body body = request.body();
    if (body.isEmpty()) return "t:";
    String text = body.goString().replace("\r\n", "\n");
    String boundary = multipartBoundary(request.headers().firstIgnoreCase("Content-Type"));
    if (boundary != null) return "m:" + text.replace("--" + boundary, "--");
    JsonNode json = GoString.isValidUtf8(text) ? Json.parse(text) : null;
    if (json == null) return "t:" + text;
    if (!ignored.isEmpty()) Json.remove(json, ignored);
    return "j:" + Json.canonical(json);
  }

  /**
   * Everything {@link #bodyForm} reads besides the matcher's own pointers: the body's bytes and the
   * multipart boundary. A JSON body's {@code Content-Type} does not count, so a live request that says
   * {@code application/json; charset=utf-8} where the recording said {@code application/json} still
   * finds the recorded key.
   */
  private static Object bodyInput(Request request) {
    String boundary = multipartBoundary(request.headers().firstIgnoreCase("Content-Type"));
    return boundary == null ? request.body() : List.of(request.body(), boundary);
  }

  /**
   * The boundary of a multipart content type, or null. Clients pick a new random one for every request
   * (OkHttp a UUID), so a replayed upload could never match its recording if the boundary counted.
   */
  static String multipartBoundary(String contentType) {
    if (contentType == null || !contentType.regionMatches(true, 0, "multipart/", 0, 10)) return null;
    for (String parameter : contentType.split(";")) {
      String p = parameter.trim();
      if (!p.regionMatches(true, 0, "boundary=", 0, 9)) continue;
      String value = p.substring(9);
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      return value.isEmpty() ? null : value;
    }
    return null;
  }

  /**
   * Requests match when they have equal forms. Forms of bodies and URLs are costly (a JSON parse, a
   * normalization), so for them the index key is the form's hash, which spares the index a second copy
   * of every body, and requests with identical bodies or URLs, the usual case in a replay, match without
   * computing forms. An index also finds the key of a recorded body or URL by its exact text
   * ({@link KeyMemo}), so a live request that repeats a recording byte for byte computes no form at all.
   */
  private static final class FormMatcher implements KeyedByInput {
    private final String name;
    private final Function<Request, Object> form;
    /** The raw input of a costly form, or null when the form is cheap and is its own key. */
    private final Function<Request, Object> costlyInput;
    /** All that a costly form is a function of (for a body, also its multipart boundary), or null. */
    private final Function<Request, Object> formInput;

    FormMatcher(String name, Function<Request, Object> form, Function<Request, Object> costlyInput,
        Function<Request, Object> formInput) {
      this.name = name;
      this.form = form;
      this.costlyInput = costlyInput;
      this.formInput = formInput;
    }

    @Override
    public boolean matches(Request recorded, Request live) {
      if (costlyInput != null && costlyInput.apply(recorded).equals(costlyInput.apply(live))) return true;
      return form.apply(recorded).equals(form.apply(live));
    }

    @Override
    public Object indexKey(Request request) {
      Object value = form.apply(request);
      return costlyInput != null ? (Object) value.hashCode() : value;
    }

    @Override
    public Object indexKey(Request request, KeyMemo memo) {
      if (formInput == null) return indexKey(request);
      return memo.key(this, formInput.apply(request), () -> indexKey(request));
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
