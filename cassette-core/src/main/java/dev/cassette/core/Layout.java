package dev.cassette.core;

/**
 * How a cassette's YAML is indented. Both are what Go writes; a loaded cassette remembers its layout so
 * that saving it again changes no byte.
 */
public enum Layout {
  /** Indent 2, a sequence under a key starting at the key's column: fantasy's and most files' layout. */
  COMPACT,
  /** Indent 4, sequences indented under their key: go-vcr's default {@code yaml.Marshal} output. */
  INDENTED
}
