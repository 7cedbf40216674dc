package dev.trainyard.spec;

import java.util.List;

/**
 * Thrown when a spec cannot be loaded or planned. Carries the diagnostics that explain why; it is
 * the only exception the loader and planner let out for bad input.
 */
public final class SpecException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public SpecException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "invalid spec" : diagnostics.get(0).format());
    this.diagnostics = List.copyOf(diagnostics);
  }

  public SpecException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
