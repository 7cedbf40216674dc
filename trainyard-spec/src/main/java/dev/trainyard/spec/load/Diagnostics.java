package dev.trainyard.spec.load;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/** Collects the errors and warnings of one load or plan, so a user sees them all at once. */
public final class Diagnostics {
  // Insertion order kept; a set so that dropping repeats stays linear however many findings a file has.
  private final java.util.LinkedHashSet<Diagnostic> all = new java.util.LinkedHashSet<>();

  public void error(SourceSpan at, String path, String message, String hint) {
    add(Diagnostic.error(at, path, message, hint));
  }

  public void warn(SourceSpan at, String path, String message, String hint) {
    add(Diagnostic.warning(at, path, message, hint));
  }

  public void add(Diagnostic d) {
    // The same finding can be reached twice (a component used by two steps): report it once.
    all.add(d);
  }

  public void addAll(List<Diagnostic> ds) {
    ds.forEach(this::add);
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Diagnostic::isError);
  }

  public List<Diagnostic> errors() {
    return all.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return all.stream().filter(d -> !d.isError()).toList();
  }

  public List<Diagnostic> all() {
    return List.copyOf(all);
  }
}
