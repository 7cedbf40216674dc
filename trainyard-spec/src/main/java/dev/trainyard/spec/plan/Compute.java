package dev.trainyard.spec.plan;

import java.util.Set;

/** Maps compute names as written to Trainyard compute targets. */
final class Compute {
  /** Azure's reserved name for compute it picks itself; nothing to configure, so it says so. */
  static final String SERVERLESS = "azureml:serverless";

  private Compute() {}

  /** {@code null}, {@code local} and every Azure compute name run on {@code local} for now. */
  static String target(String compute, Set<String> notes) {
    if (compute == null || compute.isBlank() || compute.equals("local")) {
      return "local";
    }
    if (compute.strip().equals(SERVERLESS)) {
      notes.add("compute '" + SERVERLESS + "' (Azure's serverless compute) runs on 'local'");
      return "local";
    }
    notes.add("compute '" + compute + "' is not configured here; its steps run on 'local'");
    return "local";
  }
}
