package dev.trainyard.spec;

/** Any file the loader understands: pipeline jobs, components, data assets, models, environments, schedules. */
public sealed interface SpecDocument
    permits PipelineJob, Component, DataAssetSpec, ModelSpec, EnvironmentSpec, ScheduleSpec {

  /** A word for the kind, as shown by {@code validate}: "pipeline job", "command component". */
  default String kindName() {
    if (this instanceof PipelineJob p) {
      if (p.fromCommandJob() && p.jobs().size() == 1) {
        // A standalone command, parallel or Spark job: named after its one step's kind.
        return p.jobs().values().iterator().next().kind().yamlName() + " job";
      }
      return p.fromCommandJob() ? "command job" : "pipeline job";
    }
    if (this instanceof Component.Unsupported u) {
      return u.kind().yamlName() + " job"; // sweep and automl files are jobs; no such components exist
    }
    if (this instanceof Component c) {
      return c.kind().yamlName() + " component";
    }
    if (this instanceof DataAssetSpec) {
      return "data asset";
    }
    if (this instanceof ModelSpec) {
      return "model";
    }
    if (this instanceof EnvironmentSpec) {
      return "environment";
    }
    return "schedule";
  }
}
