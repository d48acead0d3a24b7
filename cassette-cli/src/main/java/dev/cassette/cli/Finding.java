package dev.cassette.cli;

import java.util.List;

/**
 * One difference between two recordings of an interaction, ready to print: a heading line such as
 * {@code request /messages/1/content: "2 and 3" -> "2 and 4"} and, for text compared line by line, the
 * diff lines under it. Volatile findings (ids, timestamps...) are hidden unless {@code --all} is given.
 */
record Finding(boolean isVolatile, String heading, List<String> lines) {
  Finding {
    lines = List.copyOf(lines);
  }

  static Finding of(boolean isVolatile, String heading) {
    return new Finding(isVolatile, heading, List.of());
  }
}
