package dev.trainyard.spec;

import java.util.Map;

/**
 * One node of a pipeline: a component (inline or referenced) with values for its inputs, the
 * treatment of its outputs and per-step overrides.
 *
 * @param componentRef the {@code component:} reference as written, or null for an inline step
 * @param compute the compute as written (may be a binding such as {@code ${{parent.inputs.c}}}),
 *     or null to use the pipeline default
 * @param isDeterministic null to follow the component
 * @param at where the step's key is in the file
 */
public record Step(
    String name, StepKind kind, Component component, Reference componentRef,
    Map<String, InputValue> inputs, Map<String, PortSpec> outputs, Template compute,
    Resources resources, Map<String, String> environmentVariables, Boolean isDeterministic,
    String displayName, SourceSpan at) {

  public Step {
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    environmentVariables = environmentVariables == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environmentVariables));
  }
}
