package dev.cassette.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Which rules a body goes through, decided once per body from its content type and first bytes, so
 * that a body is decoded at most once on its way through redaction:
 *
 * <ol>
 *   <li>A body the client did not decompress ({@code Content-Encoding: gzip} and gzip's magic bytes) is
 *       decompressed, redacted as what it holds, and compressed again only when something changed.
 *   <li>By kind, the rules that find secrets by name: a url-encoded form ({@link UrlRules}),
 *       {@code multipart/*} ({@link MultipartBodyRules}), JSON ({@link JsonBodyRules}), each JSON
 *       {@code data:} line of an event stream (as JSON), XML ({@link XmlBodyRules}). These collect the
 *       values they remove.
 *   <li>Then, after every name rule of the interaction has run, {@link SecretValues} scrubs the body of
 *       every value found anywhere, of credential shapes and of secret URL parameters, reading bytes in
 *       place (an SSE stream or any other text is covered here).
 * </ol>
 *
 * <p>Name rules decode bodies up to {@link #MAX_STRUCTURED_BYTES}, and an event stream one line at a
 * time; larger bodies of other kinds only go through step 3, which reads them in place. Gzip bodies
 * are opened up to {@link #MAX_GUNZIPPED_BYTES} of content.
 */
final class BodyRules {
  /**
   * The largest body the name rules decode whole (forms, multipart, JSON and XML that may hold a secret
   * name); event streams are read line by line at any size.
   */
  static final int MAX_STRUCTURED_BYTES = 16 << 20;
  /** Bodies up to this size are searched as a Latin-1 copy rather than in place. */
  private static final int COPY_TO_SEARCH_UP_TO = 64 << 10;

  /** The most a compressed body is inflated to for redaction; beyond it the body is kept as sent. */
  static final int MAX_GUNZIPPED_BYTES = 64 << 20;

  private final UrlRules urls;
  private final JsonBodyRules json;
  private final MultipartBodyRules multipart;
  private final XmlBodyRules xml;

  BodyRules(UrlRules urls, JsonBodyRules json) {
    this.urls = urls;
    this.json = json;
    this.multipart = new MultipartBodyRules(json, urls);
    this.xml = new XmlBodyRules(json);
  }

  /** A body with its name rules applied, waiting for {@link #finish}. */
  static final class Pending {
    private final Body original;
    private final Body inflated;
    private final Body edited;

    private Pending(Body original, Body inflated, Body edited) {
      this.original = original;
      this.inflated = inflated;
      this.edited = edited;
    }
  }

  /** Step 1 and 2: opens a compressed body and applies the name rules of its kind. */
  Pending structure(Body body, String contentType, String contentEncoding, SecretValues found) {
    if (body.isEmpty()) return new Pending(body, null, body);
    if (isGzip(contentEncoding, body)) {
      byte[] plain = gunzip(body.bytesIfHeld() != null ? body.bytesIfHeld() : body.bytes());
      if (plain != null) {
        Body inflated = Body.of(plain);
        return new Pending(body, inflated, byName(inflated, contentType, found));
      }
    }
    return new Pending(body, null, byName(body, contentType, found));
  }

  /** Step 3: scrubs values, shapes and URL parameters, and compresses again what was compressed. */
  Body finish(Pending pending, SecretValues found) {
    Body scrubbed = found.scrub(pending.edited);
    if (pending.inflated == null) return scrubbed;
    if (scrubbed.equals(pending.inflated)) return pending.original;
    return Body.of(gzip(scrubbed.bytes()));
  }

  private Body byName(Body body, String contentType, SecretValues found) {
    CharSequence view = view(body);
    if (ServerSentEvents.isEventStream(contentType)) return redactEvents(body, view, found);
    // The kinds below are decoded whole, so only bodies of a size that is safe to hold twice.
    if (view.length() > MAX_STRUCTURED_BYTES) return body;
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("application/x-www-form-urlencoded")) {
      String text = body.goString();
      String edited = urls.redactQuery(text, found);
      return edited.equals(text) ? body : Body.ofGoString(edited);
    }
    if (MultipartBodyRules.isMultipart(type)) {
      String edited = multipart.redact(body.goString(), contentType, found);
      return edited == null ? body : Body.ofGoString(edited);
    }
    boolean jsonLike = JsonBodyRules.startsLikeContainer(view);
    if (jsonLike && !json.mayHoldField(view) && !json.hasPointers()) return body;
    boolean xmlLike = !jsonLike && XmlBodyRules.isXml(type, firstChars(view));
    if (!jsonLike && !xmlLike) return body;
    String text = body.goString();
    if (!GoString.isValidUtf8(text)) return body;
    String edited = jsonLike ? json.redact(text, found) : xml.redact(text, found);
    return edited == null ? body : Body.ofText(edited);
  }

  /**
   * An event stream with each JSON {@code data:} line redacted as a JSON body. Read in place, line by
   * line, and only a line that may hold a secret name is decoded, so a stream of any size is handled
   * in the memory of one event. Lines keep their endings, so the events replay as they were sent.
   */
  private Body redactEvents(Body body, CharSequence view, SecretValues found) {
    byte[] bytes = body.bytesIfHeld();
    Replacements edits = new Replacements();
    int n = view.length();
    for (int start = 0; start < n; ) {
      int end = start;
      while (end < n && view.charAt(end) != '\n') end++;
      int contentEnd = end > start && view.charAt(end - 1) == '\r' ? end - 1 : end;
      if (contentEnd - start > 5 && view.charAt(start) == 'd'
          && view.subSequence(start, start + 5).toString().equals("data:")) {
        int dataStart = start + 5;
        if (dataStart < contentEnd && view.charAt(dataStart) == ' ') dataStart++;
        CharSequence data = view.subSequence(dataStart, contentEnd);
        if (JsonBodyRules.startsLikeContainer(data) && json.mayHoldField(data)) {
          String line = bytes != null
              ? new String(bytes, dataStart, contentEnd - dataStart, StandardCharsets.UTF_8)
              : data.toString();
          String edited = json.redact(line, found);
          if (edited != null) edits.add(dataStart, contentEnd, edited);
        }
      }
      start = end + 1;
    }
    if (edits.isEmpty()) return body;
    return bytes != null ? Body.wrap(edits.applyTo(bytes)) : Body.ofGoString(edits.applyTo(view.toString()));
  }

  /**
   * The body as characters to search, one per byte: for a small body a Latin-1 string (a plain copy,
   * and String's searches are the fastest there are), for a large one a view that copies nothing.
   */
  static CharSequence view(Body body) {
    byte[] bytes = body.bytesIfHeld();
    if (bytes == null) return body.goStringIfHeld();
    return bytes.length <= COPY_TO_SEARCH_UP_TO ? new String(bytes, StandardCharsets.ISO_8859_1) : new ByteText(bytes);
  }

  private static String firstChars(CharSequence view) {
    return view.subSequence(0, Math.min(view.length(), 64)).toString();
  }

  private static boolean isGzip(String contentEncoding, Body body) {
    if (contentEncoding == null || !contentEncoding.toLowerCase(Locale.ROOT).contains("gzip")) return false;
    CharSequence view = view(body);
    return view.length() > 2 && view.charAt(0) == 0x1f && view.charAt(1) == 0x8b;
  }

  /** The inflated bytes, or null when they are not gzip or exceed {@link #MAX_GUNZIPPED_BYTES}. */
  private static byte[] gunzip(byte[] bytes) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      byte[] plain = in.readNBytes(MAX_GUNZIPPED_BYTES + 1);
      return plain.length > MAX_GUNZIPPED_BYTES ? null : plain;
    } catch (IOException notGzip) {
      return null;
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compress in memory", e);
    }
    return out.toByteArray();
  }
}
