package dev.cassette.core;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Go's {@code Request.ParseForm}: the {@code form} field go-vcr writes for a request. Every client
 * adapter derives it the same way, so that a cassette recorded through any client holds what go-vcr would
 * have written for the same request.
 */
public final class RequestForm {
  private RequestForm() {}

  /**
   * The url-encoded body parameters of a POST, PUT or PATCH whose content type is
   * {@code application/x-www-form-urlencoded}, then the parameters of {@code rawQuery}, in order.
   *
   * @param contentType the request's content type, or null
   * @param body the request body's bytes
   * @param rawQuery the URL's encoded query without {@code ?}, or null
   */
  public static Multimap of(String method, String contentType, byte[] body, String rawQuery) {
    Multimap.Builder form = Multimap.builder();
    if ((method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) && isUrlEncoded(contentType)) {
      parseQuery(GoString.decode(body), form);
    }
    parseQuery(rawQuery, form);
    return form.build();
  }

  private static boolean isUrlEncoded(String contentType) {
    if (contentType == null) return false;
    int semicolon = contentType.indexOf(';');
    String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    return mediaType.toLowerCase(Locale.ROOT).equals("application/x-www-form-urlencoded");
  }

  /**
   * Go's {@code url.ParseQuery}: adds the pairs of {@code query} to {@code form} in order. As in Go, a
   * pair holding a semicolon or a malformed escape is skipped, and a key without {@code =} gets the
   * empty value.
   */
  private static void parseQuery(String query, Multimap.Builder form) {
    if (query == null) return;
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty() || pair.indexOf(';') >= 0) continue;
      int eq = pair.indexOf('=');
      String key = unescape(eq < 0 ? pair : pair.substring(0, eq));
      String value = unescape(eq < 0 ? "" : pair.substring(eq + 1));
      if (key == null || value == null) continue;
      form.add(key, value);
    }
  }

  /** Go's {@code url.QueryUnescape}: {@code +} is a space; null when an escape is malformed. */
  private static String unescape(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    byte[] raw = GoString.encode(text);
    for (int i = 0; i < raw.length; i++) {
      byte b = raw[i];
      if (b == '%') {
        if (i + 2 >= raw.length) return null;
        int hi = Character.digit(raw[i + 1], 16);
        int lo = Character.digit(raw[i + 2], 16);
        if (hi < 0 || lo < 0) return null;
        out.write(hi << 4 | lo);
        i += 2;
      } else if (b == '+') {
        out.write(' ');
      } else {
        out.write(b);
      }
    }
    return GoString.decode(out.toByteArray());
  }
}
