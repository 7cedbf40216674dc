package dev.trainyard.spec;

import java.nio.file.Path;
import java.util.Map;

/**
 * A pipeline job: inputs with values, outputs, settings and steps. A standalone command, parallel
 * or Spark job loads as a one-step pipeline (with {@code fromCommandJob} set) so that it plans and
 * runs the same way.
 *
 * @param compute the older top-level {@code compute:}, or null
 */
public record PipelineJob(
    Meta meta, String experimentName, Settings settings, Map<String, PortSpec> inputs,
    Map<String, PortSpec> outputs, Map<String, Step> jobs, String compute, boolean fromCommandJob,
    Path source)
    implements SpecDocument {
  public PipelineJob {
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    jobs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(jobs));
  }

  /** The compute used when a step names none: {@code settings.default_compute}, else {@code compute}. */
  public String defaultCompute() {
    return settings.defaultCompute() != null ? settings.defaultCompute() : compute;
  }
}
