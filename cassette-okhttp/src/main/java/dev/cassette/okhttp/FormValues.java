package dev.cassette.okhttp;

import dev.cassette.core.GoString;
import dev.cassette.core.Multimap;
import java.io.ByteArrayOutputStream;

/**
 * Go's {@code url.ParseQuery}: the parser behind a recorded request's {@code form}, so that a cassette
 * recorded here holds what go-vcr would have written for the same request.
 */
final class FormValues {
  private FormValues() {}

  /**
   * Adds the parameters of {@code query} (a raw query string or url-encoded body) to {@code form} in
   * order. As in Go, a pair holding a semicolon or a malformed escape is skipped, and a key without
   * {@code =} gets the empty value.
   */
  static void parse(String query, Multimap.Builder form) {
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
