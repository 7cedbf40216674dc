package dev.trainyard.spec;

import java.util.Objects;

/**
 * One finding about a spec file: where it is (file, 1-based line and column, the YAML path such as
 * {@code jobs.train.inputs.data}), what is wrong, and, where one helps, a hint.
 *
 * @param severity error or warning; only errors make a file invalid
 * @param file the file as the user named it, or as it was reached through a reference
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param path dotted YAML path, empty for the document itself
 * @param message what is wrong, in one sentence
 * @param hint how to fix it, or {@code null}
 */
public record Diagnostic(
    Severity severity, String file, int line, int column, String path, String message, String hint) {

  /** How bad a finding is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    file = file == null ? "" : file;
    path = path == null ? "" : path;
  }

  public static Diagnostic error(SourceSpan at, String path, String message, String hint) {
    return new Diagnostic(Severity.ERROR, at.file(), at.line(), at.column(), path, message, hint);
  }

  public static Diagnostic warning(SourceSpan at, String path, String message, String hint) {
    return new Diagnostic(Severity.WARNING, at.file(), at.line(), at.column(), path, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The conventional one-line form: {@code file:line:column: error: path: message (hint)}. */
  public String format() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    sb.append(": ").append(severity == Severity.ERROR ? "error" : "warning").append(": ");
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    sb.append(message);
    if (hint != null) {
      sb.append(" (").append(hint).append(')');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
