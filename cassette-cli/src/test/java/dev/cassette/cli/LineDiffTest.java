package dev.cassette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {
  @Test
  void changesKeepTwoLinesOfContextAndMarkWhatIsLeftOut() {
    String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12";
    String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\nthirteen";
    assertEquals(List.of("  ...", "  3", "  4", "- 5", "+ five", "  6", "  7", "  ...", "  11", "  12", "+ thirteen"),
        LineDiff.render(LineDiff.between(before, after)));
  }

  @Test
  void insertedLinesDoNotShiftTheRest() {
    assertEquals(List.of("  a", "+ new", "  b", "  c"), LineDiff.render(LineDiff.between("a\nb\nc", "a\nnew\nb\nc")));
  }

  @Test
  void sameLinesWhateverTheLineEndings() {
    assertTrue(LineDiff.isUnchanged(LineDiff.between("a\r\nb", "a\nb")));
  }

  @Test
  void fromAndToNothing() {
    assertEquals(List.of("+ a"), LineDiff.render(LineDiff.between("", "a")));
    assertEquals(List.of("- a"), LineDiff.render(LineDiff.between("a", "")));
  }
}
