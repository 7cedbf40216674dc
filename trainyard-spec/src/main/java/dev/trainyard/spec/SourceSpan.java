package dev.trainyard.spec;

/**
 * A place in a source file: 1-based line and column, plus the character offset (0-based) used to
 * find text inside multi-line values. Line 0 means "the file as a whole".
 */
public record SourceSpan(String file, int line, int column, int offset) {

  public SourceSpan {
    file = file == null ? "" : file;
  }

  /** The whole file, with no particular position. */
  public static SourceSpan of(String file) {
    return new SourceSpan(file, 0, 0, -1);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
