package dev.cassette.core.yaml;

import dev.cassette.core.CassetteFormatException;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The name of the input being read, so that every problem found in it becomes a
 * {@link CassetteFormatException} pointing at {@code SOURCE:LINE:COL}.
 */
final class Source {
  private final String name;

  Source(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  /** A problem concerning the whole input. */
  CassetteFormatException problem(String problem) {
    return new CassetteFormatException(name, 0, 0, problem);
  }

  /** A problem at 1-based line and column. */
  CassetteFormatException problem(int line, int column, String problem, Throwable cause) {
    return new CassetteFormatException(name, line, column, problem, cause);
  }

  /** A problem where a node starts. */
  CassetteFormatException problem(Node node, String problem) {
    return problem(node.getStartMark(), problem);
  }

  /** A problem at a snakeyaml mark (0-based), or at no place when the mark is missing. */
  CassetteFormatException problem(Optional<Mark> mark, String problem) {
    if (mark.isEmpty()) return problem(problem);
    return problem(mark.get().getLine() + 1, mark.get().getColumn() + 1, problem, null);
  }

  /** The 1-based line of a node, for messages that name a second place. */
  static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }
}
