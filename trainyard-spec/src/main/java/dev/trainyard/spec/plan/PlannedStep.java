package dev.trainyard.spec.plan;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.Resources;
import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.StepKind;
import java.util.List;
import java.util.Map;

/**
 * A step ready to run: nested pipelines flattened (names joined with '.'), every input resolved,
 * its dependencies known.
 *
 * @param compute the compute as written or defaulted, such as {@code azureml:cpu-cluster}
 * @param target the Trainyard compute it maps to, such as {@code local}
 */
public record PlannedStep(
    String name, StepKind kind, Component component, Map<String, ResolvedInput> inputs,
    Map<String, PlannedOutput> outputs, String compute, String target, Resources resources,
    Map<String, String> environmentVariables, boolean deterministic, List<String> dependsOn, SourceSpan at) {
  public PlannedStep {
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    dependsOn = List.copyOf(dependsOn);
  }
}
