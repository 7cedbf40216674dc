package dev.trainyard.spec;

import java.util.List;

/**
 * A parsed binding expression, the inside of {@code ${{ ... }}}: a scope and the names after it.
 *
 * <ul>
 *   <li>{@code inputs.X}, {@code outputs.X} — the step's own ports (in commands and arguments)
 *   <li>{@code parent.inputs.X}, {@code parent.outputs.X} — the enclosing pipeline's ports
 *   <li>{@code parent.jobs.J.outputs.O} — another step's output
 *   <li>{@code name}, {@code default_datastore} — run-level values
 *   <li>{@code search_space.X} — sweep trials
 * </ul>
 */
public record Binding(Scope scope, List<String> names, String text) {

  /** What a binding refers to. */
  public enum Scope {
    INPUTS,
    OUTPUTS,
    PARENT_INPUTS,
    PARENT_OUTPUTS,
    PARENT_JOB_OUTPUTS,
    PARENT_JOB_INPUTS,
    RUN_NAME,
    DEFAULT_DATASTORE,
    SEARCH_SPACE
  }

  public Binding {
    names = List.copyOf(names);
  }

  /** The port name (the last name). */
  public String port() {
    return names.isEmpty() ? "" : names.get(names.size() - 1);
  }

  /** For {@code parent.jobs.J.outputs.O}: J. */
  public String job() {
    return names.size() == 2 ? names.get(0) : null;
  }

  @Override
  public String toString() {
    return "${{" + text + "}}";
  }
}
