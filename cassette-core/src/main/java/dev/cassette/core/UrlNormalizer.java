package dev.cassette.core;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The form of a URL that matching compares: two URLs with the same form mean the same request, although
 * clients spell them differently. Go sends a query's {@code '} and {@code "} as typed, OkHttp and
 * {@code java.net.http} send {@code %27} and {@code %22}; one client writes {@code %2f}, another
 * {@code %2F}. Without this a cassette recorded by one could not be replayed by the other.
 *
 * <p>The rules are RFC 3986's (section 6.2.2 and, for http, 6.2.3), applied per component:
 * <ul>
 *   <li>scheme and host are compared ignoring case, a default port ({@code :80} for http, {@code :443}
 *       for https) equals none, and an empty path equals {@code /};
 *   <li>hex digits of a percent-escape ignore case ({@code %2f} is {@code %2F});
 *   <li>an escaped unreserved character ({@code A-Z a-z 0-9 - . _ ~}) equals the character;
 *   <li>a character that is not a delimiter in its component equals its escape. In a query the
 *       delimiters are {@code & = + ;} (what form decoding splits on or reads as a space), so {@code '},
 *       {@code "}, {@code /}, {@code ,}, {@code :} and the rest equal their escapes there. In the path
 *       every reserved character ({@code / ? # [ ] @ ! $ & ' ( ) * + , ; =}) stays significant, as
 *       servers route and split on them: {@code %2F} is not {@code /}.
 * </ul>
 * An escaped delimiter stays distinct from the delimiter itself: {@code a%26b=1} is one parameter,
 * {@code a&b=1} two. User info and fragment are compared as written.
 *
 * <p>Only matching uses this form; a cassette keeps the URL exactly as it was sent.
 */
final class UrlNormalizer {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final String PATH_DELIMITERS = ":/?#[]@!$&'()*+,;=";
  private static final String QUERY_DELIMITERS = "&=+;";

  private UrlNormalizer() {}

  /** The form of this URL that equals the form of every URL meaning the same. */
  static String normalize(String url) {
    int hash = url.indexOf('#');
    String fragment = hash < 0 ? "" : url.substring(hash);
    String beforeFragment = hash < 0 ? url : url.substring(0, hash);
    int question = beforeFragment.indexOf('?');
    String query = question < 0 ? null : beforeFragment.substring(question + 1);
    String beforeQuery = question < 0 ? beforeFragment : beforeFragment.substring(0, question);

    StringBuilder out = new StringBuilder(url.length() + 16);
    int schemeEnd = beforeQuery.indexOf("://");
    String path;
    if (schemeEnd > 0 && isScheme(beforeQuery.substring(0, schemeEnd))) {
      String scheme = beforeQuery.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
      int authorityStart = schemeEnd + 3;
      int pathStart = beforeQuery.indexOf('/', authorityStart);
      if (pathStart < 0) pathStart = beforeQuery.length();
      out.append(scheme).append("://")
          .append(authority(scheme, beforeQuery.substring(authorityStart, pathStart)));
      path = beforeQuery.substring(pathStart);
      if (path.isEmpty() && (scheme.equals("http") || scheme.equals("https"))) path = "/";
    } else {
      path = beforeQuery;
    }
    appendComponent(path, PATH_DELIMITERS, out);
    if (query != null) {
      out.append('?');
      appendComponent(query, QUERY_DELIMITERS, out);
    }
    return out.append(fragment).toString();
  }

  private static boolean isScheme(String text) {
    if (text.isEmpty() || !isAsciiLetter(text.charAt(0))) return false;
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
    }
    return true;
  }

  /** User info as written; host in lower case; a scheme's default port dropped. */
  private static String authority(String scheme, String authority) {
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
    String hostPort = authority.substring(at + 1).toLowerCase(Locale.ROOT);
    int colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && hostPort.indexOf(']', colon) < 0) { // not a colon inside an IPv6 literal
      String port = hostPort.substring(colon + 1);
      boolean isDefault = port.isEmpty()
          || scheme.equals("http") && port.equals("80")
          || scheme.equals("https") && port.equals("443");
      if (isDefault) hostPort = hostPort.substring(0, colon);
    }
    return userInfo + hostPort;
  }

  /**
   * Writes each delimiter as is and every other octet in one spelling: an unreserved character raw,
   * anything else as an upper-case escape. A {@code %} that starts no valid escape is an octet itself.
   */
  private static void appendComponent(String text, String delimiters, StringBuilder out) {
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        appendOctet(Integer.parseInt(text.substring(i + 1, i + 3), 16), out);
        i += 3;
      } else if (c < 0x80 && delimiters.indexOf(c) >= 0) {
        out.append(c);
        i++;
      } else {
        int codePoint = text.codePointAt(i);
        for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
          appendOctet(b & 0xFF, out);
        }
        i += Character.charCount(codePoint);
      }
    }
  }

  private static void appendOctet(int octet, StringBuilder out) {
    if (isUnreserved(octet)) {
      out.append((char) octet);
    } else {
      out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xF]);
    }
  }

  private static boolean isUnreserved(int c) {
    return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static boolean isAsciiLetter(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
