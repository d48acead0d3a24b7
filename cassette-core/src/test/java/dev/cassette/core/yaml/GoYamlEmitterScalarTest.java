package dev.cassette.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cassette.core.GoString;
import dev.cassette.core.yaml.GoYamlEmitter.Rules;
import org.junit.jupiter.api.Test;

/**
 * One test per scalar rule of Go's YAML encoder, each with the exact text Go writes for {@code k: VALUE}
 * in the compact layout (indent 2) unless said otherwise.
 */
class GoYamlEmitterScalarTest {
  private static String v4(String value) {
    return mapping(value, 2, true, Rules.YAML_V4);
  }

  private static String v3(String value) {
    return mapping(value, 2, true, Rules.YAML_V3);
  }

  private static String mapping(String value, int indent, boolean compact, Rules rules) {
    StringBuilder out = new StringBuilder();
    GoYamlEmitter e = new GoYamlEmitter(out, indent, compact, rules);
    e.beginMapping();
    e.key("k");
    e.stringValue(value);
    e.endMapping();
    e.endDocument();
    return out.toString();
  }

  private static String item(String value, int indent, boolean compact, Rules rules) {
    StringBuilder out = new StringBuilder();
    GoYamlEmitter e = new GoYamlEmitter(out, indent, compact, rules);
    e.beginMapping();
    e.key("k");
    e.beginSequence();
    e.stringItem(value);
    e.endSequence();
    e.endMapping();
    e.endDocument();
    return out.toString();
  }

  @Test
  void plainWhenNothingForcesQuotes() {
    assertEquals("k: hello world\n", v4("hello world"));
    assertEquals("k: https://example.com/v1?a=b#frag\n", v4("https://example.com/v1?a=b#frag"));
    assertEquals("k: 200 OK\n", v4("200 OK"));
    assertEquals("k: 83.984896ms\n", v4("83.984896ms"));
    assertEquals("k: \u00a0\n", v4("\u00a0")); // no-break space is not a YAML space
  }

  @Test
  void singleQuotedForIndicatorsAndEdgeSpacesWithQuotesDoubled() {
    assertEquals("k: '*/*'\n", v4("*/*"));
    assertEquals("k: '{\"a\":[1]}'\n", v4("{\"a\":[1]}"));
    assertEquals("k: 'a: b'\n", v4("a: b"));
    assertEquals("k: 'a #b'\n", v4("a #b"));
    assertEquals("k: ' x'\n", v4(" x"));
    assertEquals("k: 'x '\n", v4("x "));
    assertEquals("k: '- x'\n", v4("- x"));
    assertEquals("k: '''quoted'' it''s'\n", v4("'quoted' it's"));
    assertEquals("k: '---x'\n", v4("---x"));
  }

  @Test
  void doubleQuotedWithGoEscapes() {
    assertEquals("k: \"\\e[31mred\\e[0m\"\n", v4("\u001b[31mred\u001b[0m"));
    assertEquals("k: \"a\\tb\"\n", v4("a\tb"));
    assertEquals("k: \"a\\r\"\n", v4("a\r"));
    assertEquals("k: \"\\0\\a\\b\\v\\f\\x1F\\x7F\"\n", v4("\0\u0007\b\u000b\f\u001f\u007f"));
    assertEquals("k: \"\\x9F \\N\"\n", v4("\u009f \u0085"));
    assertEquals("k: \"\\U0001F1EE\\U0001F1F9 ok\"\n", v4("\uD83C\uDDEE\uD83C\uDDF9 ok"));
    assertEquals("k: \"world\\uFEFF, \\\"q\\\" \\\\\"\n", v4("world\uFEFF, \"q\" \\"));
  }

  @Test
  void leadingByteOrderMarkEscapesEveryCharacter() {
    // Go's is_bom checks the value's first bytes on every character, not the current one.
    assertEquals("k: \"\\uFEFF\\x61\\x20\\xE9\\t\"\n", v4("\uFEFFa \u00e9\t"));
  }

  @Test
  void stringsThatWouldReadAsOtherTypesAreDoubleQuoted() {
    assertEquals("k: \"438\"\n", v4("438"));
    assertEquals("k: \"-1\"\n", v4("-1"));
    assertEquals("k: \"0x1F\"\n", v4("0x1F"));
    assertEquals("k: \"0o17\"\n", v4("0o17"));
    assertEquals("k: \"1_000\"\n", v4("1_000"));
    assertEquals("k: \"1e3\"\n", v4("1e3"));
    assertEquals("k: \".5\"\n", v4(".5"));
    assertEquals("k: \"true\"\n", v4("true"));
    assertEquals("k: \"False\"\n", v4("False"));
    assertEquals("k: \"null\"\n", v4("null"));
    assertEquals("k: \"~\"\n", v4("~"));
    assertEquals("k: \"\"\n", v4(""));
    assertEquals("k: \"-.inf\"\n", v4("-.inf"));
    assertEquals("k: \"2026-01-01\"\n", v4("2026-01-01"));
    assertEquals("k: \"2026-01-01T10:00:00Z\"\n", v4("2026-01-01T10:00:00Z"));
  }

  @Test
  void lookalikesThatStayStringsArePlain() {
    assertEquals("k: 2026-01-01T10:00:00\n", v4("2026-01-01T10:00:00")); // no zone: not a timestamp
    assertEquals("k: 2026-02-30\n", v4("2026-02-30")); // no such day
    assertEquals("k: 1e999\n", v4("1e999")); // overflows, so Go's ParseFloat refuses it
    assertEquals("k: 0xZZ\n", v4("0xZZ"));
    assertEquals("k: 1.2.3\n", v4("1.2.3"));
    assertEquals("k: NaN\n", v4("NaN"));
  }

  @Test
  void yaml11BooleansAndBase60NumbersAreDoubleQuoted() {
    assertEquals("k: \"yes\"\n", v4("yes"));
    assertEquals("k: \"off\"\n", v4("off"));
    assertEquals("k: \"N\"\n", v4("N"));
    assertEquals("k: \"1:30\"\n", v4("1:30"));
    assertEquals("k: \"-12:30:59.5\"\n", v4("-12:30:59.5"));
    assertEquals("k: 1:60\n", v4("1:60"));
  }

  @Test
  void literalBlockChomping() {
    assertEquals("k: |-\n  a\n  b\n", v4("a\nb"));
    assertEquals("k: |\n  a\n  b\n", v4("a\nb\n"));
    assertEquals("k: |+\n  a\n\n", v4("a\n\n"));
    assertEquals("k: |+\n  : ping\n\n  data: [DONE]\n\n", v4(": ping\n\ndata: [DONE]\n\n"));
  }

  @Test
  void literalBlockIndentationIndicator() {
    assertEquals("k: |2-\n    a\n  b\n", v4("  a\nb"));
    assertEquals("k: |4-\n      a\n    b\n", mapping("  a\nb", 4, false, Rules.YAML_V4));
  }

  @Test
  void literalBlockInSequenceItemGetsTheIndicatorOfItsRealIndentation() {
    assertEquals("k:\n- |2-\n    a\n  b\n", item("  a\nb", 2, true, Rules.YAML_V4));
    // Go writes |4- here, which no YAML reader reads back: the block sits 2 columns past the dash.
    assertEquals("k:\n    - |2-\n        a\n      b\n", item("  a\nb", 4, false, Rules.YAML_V4));
  }

  @Test
  void literalBlockStartingWithTabGetsAnIndicator() {
    // Go writes |- here, and its reader then rejects the tab as indentation.
    assertEquals("k: |2-\n  \ta\n  b\n", v4("\ta\nb"));
  }

  @Test
  void multiLineStringsThatCannotBeBlocksAreDoubleQuoted() {
    assertEquals("k: \"a \\nb\"\n", v4("a \nb")); // space before a line break
    assertEquals("k: \"a\\nb \"\n", v4("a\nb ")); // trailing space
    assertEquals("k: \"a\\r\\nb\"\n", v4("a\r\nb")); // a carriage return is not printable
  }

  @Test
  void v4DoubleQuotesShortOrBlankMultiLineStringsWhereV3WritesBlocks() {
    assertEquals("k: \"\\n\"\n", v4("\n"));
    assertEquals("k: \" \\t\\n\"\n", v4(" \t\n"));
    assertEquals("k: |2\n   \t\n", v3(" \t\n"));
  }

  @Test
  void leadingLineBreakIsKeptInBothRuleSets() {
    assertEquals("k: |2-\n\n  x\n", v4("\nx"));
    // yaml.v3 writes "k: |2-\n  x\n", which reads back without the line break.
    assertEquals("k: |2-\n\n  x\n", v3("\nx"));
    assertEquals("k: |2+\n\n", v3("\n"));
  }

  @Test
  void mergeKeyIsQuotedOnlyByV4() {
    assertEquals("k: \"<<\"\n", v4("<<"));
    assertEquals("k: <<\n", v3("<<"));
  }

  @Test
  void invalidUtf8IsBinaryOnOneLineWhenShort() {
    String bytes = GoString.decode(new byte[] {(byte) 0xc0, (byte) 0xaf, 0x1f});
    assertEquals("k: !!binary wK8f\n", v4(bytes));
  }

  @Test
  void invalidUtf8IsABinaryBlockOf70ColumnLinesWhenLong() {
    byte[] raw = new byte[60];
    raw[0] = (byte) 0xff;
    for (int i = 1; i < raw.length; i++) raw[i] = 'a';
    assertEquals("k: !!binary |\n"
        + "  /2FhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYW\n"
        + "  FhYWFhYWFh\n", v4(GoString.decode(raw)));
  }
}
