package dev.cassette.core.yaml;

import dev.cassette.core.GoString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The order in which Go's YAML encoder writes the keys of a {@code map[string]...}: a port of
 * {@code keyList.Less} in go-yaml's {@code sorter.go}.
 *
 * <p>Strings are compared rune by rune; where they differ, letters sort after non-letters (but before
 * them right after a shared digit), and runs of digits compare by numeric value ({@code X-2} before
 * {@code X-10}). Header, form and trailer names
 * are written in this order, so a cassette's bytes depend on it.
 */
final class GoKeyOrder {
  private GoKeyOrder() {}

  /** The keys in Go's order. */
  static List<String> sorted(Collection<String> keys) {
    List<Key> list = new ArrayList<>(keys.size());
    for (String k : keys) list.add(new Key(k));
    // Go uses an unstable sort, but its comparison is a total order on distinct keys, so any correct
    // sort yields the same sequence.
    list.sort((x, y) -> less(x.runes, y.runes) ? -1 : less(y.runes, x.runes) ? 1 : 0);
    List<String> out = new ArrayList<>(list.size());
    for (Key k : list) out.add(k.text);
    return out;
  }

  private record Key(String text, int[] runes) {
    Key(String text) {
      this(text, toRunes(text));
    }
  }

  /** Go's {@code []rune(s)}: each byte that is not valid UTF-8 becomes U+FFFD. */
  private static int[] toRunes(String s) {
    int[] out = new int[s.length()];
    int n = 0;
    boolean valid = GoString.isValidUtf8(s);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (!valid && cp >= 0xDC80 && cp <= 0xDCFF) cp = 0xFFFD;
      out[n++] = cp;
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  static boolean less(int[] ar, int[] br) {
    boolean digits = false;
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        digits = Character.isDigit(ar[i]);
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) return ar[i] < br[i];
      // After a shared digit a letter sorts first (a1b2 before a10); elsewhere it sorts last.
      if (al || bl) return digits ? al : bl;
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai] - '0');
      int bi = i;
      for (; bi < br.length && Character.isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi] - '0');
      if (an != bn) return an < bn;
      if (ai != bi) return ai < bi;
      return ar[i] < br[i];
    }
    return ar.length < br.length;
  }
}
