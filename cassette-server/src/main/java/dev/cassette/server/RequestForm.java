package dev.cassette.server;

import dev.cassette.core.GoString;
import dev.cassette.core.Multimap;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Go's {@code Request.ParseForm}: the {@code form} field go-vcr writes for a request, derived as
 * cassette-okhttp derives it, so that a request recorded through the server is the one the interceptor
 * records.
 */
final class RequestForm {
  private RequestForm() {}

  /**
   * The url-encoded body parameters of a POST, PUT or PATCH whose content type is
   * {@code application/x-www-form-urlencoded}, then the parameters of {@code rawQuery}, in order.
   */
  static Multimap of(String method, String contentType, byte[] body, String rawQuery) {
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

  /** Go's {@code url.ParseQuery}: pairs holding a semicolon or a malformed escape are skipped. */
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
