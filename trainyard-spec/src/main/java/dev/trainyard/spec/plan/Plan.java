package dev.trainyard.spec.plan;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.PipelineJob;
import java.util.List;
import java.util.Map;

/**
 * An execution plan: the pipeline's resolved inputs and its steps in execution order (a
 * topological order that keeps the file's order among independent steps).
 *
 * @param outputs each pipeline output and the step output that fills it ("step.output")
 * @param notes things worth saying once, such as an Azure compute mapped to {@code local}
 */
public record Plan(
    PipelineJob job, Map<String, ResolvedInput> inputs, List<PlannedStep> steps, Map<String, String> outputs,
    List<String> notes, List<Diagnostic> diagnostics) {

  public PlannedStep step(String name) {
    return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }
}
