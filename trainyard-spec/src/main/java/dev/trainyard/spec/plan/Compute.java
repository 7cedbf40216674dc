package dev.trainyard.spec.plan;

import java.util.Set;

/** Maps compute names as written to Trainyard compute targets. */
final class Compute {
  private Compute() {}

  /** {@code null}, {@code local} and every Azure compute name run on {@code local} for now. */
  static String target(String compute, Set<String> notes) {
    if (compute == null || compute.isBlank() || compute.equals("local")) {
      return "local";
    }
    notes.add("compute '" + compute + "' is not configured here; its steps run on 'local'");
    return "local";
  }
}
