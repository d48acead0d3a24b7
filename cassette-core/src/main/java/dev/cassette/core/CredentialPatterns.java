package dev.cassette.core;

/**
 * Values shaped like well-known credentials, redacted wherever they stand (a path segment, a body, an
 * SSE event, a header value), because a key a provider issues has a shape nobody uses for content:
 *
 * <table>
 *   <caption>shapes and placeholders</caption>
 *   <tr><th>shape</th><th>issuer</th><th>placeholder</th></tr>
 *   <tr><td>{@code eyJ...}{@code .eyJ...}{@code .sig} (three base64url parts)</td><td>a JWT</td>
 *       <td>{@code <JWT>}</td></tr>
 *   <tr><td>{@code sk-ant-...}</td><td>Anthropic</td><td>{@code <ANTHROPIC_API_KEY>}</td></tr>
 *   <tr><td>{@code sk-...} (20+ characters)</td><td>OpenAI and compatibles</td><td>{@code <OPENAI_API_KEY>}</td></tr>
 *   <tr><td>{@code AIza...} (39 characters)</td><td>Google</td><td>{@code <GOOGLE_API_KEY>}</td></tr>
 *   <tr><td>{@code hf_...}</td><td>Hugging Face</td><td>{@code <HF_TOKEN>}</td></tr>
 *   <tr><td>{@code AKIA...}, {@code ASIA...} (20 characters)</td><td>AWS access key ids</td>
 *       <td>{@code <AWS_ACCESS_KEY_ID>}</td></tr>
 *   <tr><td>{@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_}, {@code github_pat_}</td>
 *       <td>GitHub</td><td>{@code <GITHUB_TOKEN>}</td></tr>
 *   <tr><td>{@code xoxb-}, {@code xoxp-}, {@code xoxa-}, ... ({@code xox?-})</td><td>Slack</td>
 *       <td>{@code <SLACK_TOKEN>}</td></tr>
 * </table>
 *
 * <p>A match must stand alone: the character before it is not a letter, digit, {@code _} or {@code -},
 * so {@code task-...} or {@code disk-...} never start one, and its body is long enough that words do not
 * qualify. Signed-URL signatures are found by their parameter names instead ({@link UrlRules}).
 *
 * <p>Scans a {@link CharSequence}, which may be a body's bytes seen as Latin-1 ({@link ByteText}): every
 * shape is ASCII, so a large body is searched in place, without decoding it.
 */
final class CredentialPatterns {
  private CredentialPatterns() {}

  private static final byte OTHER = 0;
  private static final byte URL_SEPARATOR = 1;
  private static final byte TOKEN = 2;
  /** A token character that starts one of the shapes. */
  private static final byte PREFIX_START = 3;
  /** The kind of each ASCII character, so the scan costs one lookup per character. */
  private static final byte[] KIND = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      if (isTokenChar(c)) KIND[c] = "esAhgx".indexOf(c) >= 0 ? PREFIX_START : TOKEN;
    }
    KIND['?'] = URL_SEPARATOR;
    KIND['&'] = URL_SEPARATOR;
    KIND[';'] = URL_SEPARATOR;
  }

  /** Adds every credential-shaped run of {@code text} to {@code found}. */
  static void find(CharSequence text, Replacements found) {
    find(text, found, null);
  }

  /**
   * Adds every credential-shaped run and, when {@code urls} is given, every secret parameter of a URL
   * in the text ({@link UrlRules#parameterAt}), in one pass: a body is read once for both.
   */
  static void find(CharSequence text, Replacements found, UrlRules urls) {
    // Visits only the first character of each run of token characters: a credential stands alone.
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      byte kind = c < 128 ? KIND[c] : OTHER;
      if (kind == OTHER) {
        i++;
        continue;
      }
      if (kind == URL_SEPARATOR) {
        i = urls != null ? urls.parameterAt(text, i, found) : i + 1;
        continue;
      }
      if (kind == PREFIX_START) {
        int end = match(text, i, c);
        if (end > 0) {
          found.add(i, end, placeholderAt(text, i, c));
          i = end;
          continue;
        }
      }
      i++;
      while (i < n && (c = text.charAt(i)) < 128 && KIND[c] >= TOKEN) i++;
    }
  }

  /** Where the credential starting at {@code i} ends, or -1. */
  private static int match(CharSequence t, int i, char c) {
    switch (c) {
      case 'e':
        return jwt(t, i);
      case 's':
        if (startsWith(t, i, "sk-ant-")) return run(t, i + 7, 20);
        if (startsWith(t, i, "sk-")) return run(t, i + 3, 20);
        return -1;
      case 'A':
        if (startsWith(t, i, "AIza")) return exactRun(t, i + 4, 35);
        if (startsWith(t, i, "AKIA") || startsWith(t, i, "ASIA")) return upperAlnumRun(t, i + 4, 16);
        return -1;
      case 'h':
        return startsWith(t, i, "hf_") ? run(t, i + 3, 20) : -1;
      case 'g':
        if (startsWith(t, i, "github_pat_")) return run(t, i + 11, 20);
        if (i + 3 < t.length() && t.charAt(i + 1) == 'h' && "pousr".indexOf(t.charAt(i + 2)) >= 0
            && t.charAt(i + 3) == '_') {
          return run(t, i + 4, 30);
        }
        return -1;
      case 'x':
        if (i + 4 < t.length() && startsWith(t, i, "xox") && Character.isLetter(t.charAt(i + 3))
            && t.charAt(i + 4) == '-') {
          return run(t, i + 5, 10);
        }
        return -1;
      default:
        return -1;
    }
  }

  private static String placeholderAt(CharSequence t, int i, char c) {
    switch (c) {
      case 'e':
        return "<JWT>";
      case 's':
        return startsWith(t, i, "sk-ant-") ? "<ANTHROPIC_API_KEY>" : "<OPENAI_API_KEY>";
      case 'A':
        return startsWith(t, i, "AIza") ? "<GOOGLE_API_KEY>" : "<AWS_ACCESS_KEY_ID>";
      case 'h':
        return "<HF_TOKEN>";
      case 'g':
        return "<GITHUB_TOKEN>";
      default:
        return "<SLACK_TOKEN>";
    }
  }

  /** {@code eyJ<header>.eyJ<payload>.<signature>}: a JWS in compact form whose header and payload are JSON objects. */
  private static int jwt(CharSequence t, int i) {
    if (!startsWith(t, i, "eyJ")) return -1;
    int headerEnd = base64UrlRun(t, i);
    if (headerEnd - i < 10 || headerEnd >= t.length() || t.charAt(headerEnd) != '.') return -1;
    if (!startsWith(t, headerEnd + 1, "eyJ")) return -1;
    int payloadEnd = base64UrlRun(t, headerEnd + 1);
    if (payloadEnd - headerEnd < 10 || payloadEnd >= t.length() || t.charAt(payloadEnd) != '.') return payloadEnd;
    return base64UrlRun(t, payloadEnd + 1);
  }

  private static int base64UrlRun(CharSequence t, int i) {
    int j = i;
    while (j < t.length() && (isAlnum(t.charAt(j)) || t.charAt(j) == '_' || t.charAt(j) == '-')) j++;
    return j;
  }

  /** The end of a run of at least {@code min} token characters from {@code from}, or -1. */
  private static int run(CharSequence t, int from, int min) {
    int j = from;
    while (j < t.length() && isTokenChar(t.charAt(j))) j++;
    return j - from >= min ? j : -1;
  }

  private static int exactRun(CharSequence t, int from, int length) {
    int j = run(t, from, length);
    return j - from == length ? j : -1;
  }

  private static int upperAlnumRun(CharSequence t, int from, int length) {
    int j = from;
    while (j < t.length() && j - from < length + 1
        && (t.charAt(j) >= 'A' && t.charAt(j) <= 'Z' || t.charAt(j) >= '0' && t.charAt(j) <= '9')) {
      j++;
    }
    if (j - from != length) return -1;
    return j < t.length() && isTokenChar(t.charAt(j)) ? -1 : j;
  }

  private static boolean startsWith(CharSequence t, int i, String prefix) {
    if (i + prefix.length() > t.length()) return false;
    for (int k = 0; k < prefix.length(); k++) {
      if (t.charAt(i + k) != prefix.charAt(k)) return false;
    }
    return true;
  }

  static boolean isTokenChar(char c) {
    return isAlnum(c) || c == '_' || c == '-';
  }

  private static boolean isAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }
}
