package dev.cassette.core;

/**
 * A cassette that cannot be read: not YAML, a version other than 2, a missing or misspelt key, a value of
 * the wrong type. The message names the source, the line and column (1-based) and what was expected, as
 * {@code FILE:LINE:COL: message}, so that editors and terminals link straight to the place.
 */
public final class CassetteFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String problem;

  /**
   * @param source the file name or another description of where the text came from
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param problem what is wrong and what was expected
   */
  public CassetteFormatException(String source, int line, int column, String problem) {
    this(source, line, column, problem, null);
  }

  public CassetteFormatException(String source, int line, int column, String problem, Throwable cause) {
    super(format(source, line, column, problem), cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  private static String format(String source, int line, int column, String problem) {
    if (line <= 0) return source + ": " + problem;
    return source + ":" + line + ":" + column + ": " + problem;
  }

  /** Where the text came from: a file path or a description such as {@code <string>}. */
  public String source() {
    return source;
  }

  /** 1-based line of the problem, or 0 when it concerns the whole input. */
  public int line() {
    return line;
  }

  /** 1-based column of the problem, or 0 when it concerns the whole input. */
  public int column() {
    return column;
  }

  /** The problem alone, without the place. */
  public String problem() {
    return problem;
  }
}
