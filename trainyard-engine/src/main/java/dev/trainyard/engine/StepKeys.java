package dev.trainyard.engine;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.Environment;
import dev.trainyard.spec.plan.PlannedStep;
import dev.trainyard.store.StoredObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Builds a command step's {@link CacheKey} from its definition, code, environment and inputs. */
final class StepKeys {
  private StepKeys() {}

  static CacheKey of(PlannedStep step, Component.Command cmd, StoredObject code, StepRunner.Inputs in, long seed) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("kind", step.kind().yamlName());
    parts.put("command", cmd.command() == null ? "" : cmd.command().raw().strip());
    parts.put("code", code == null ? "none" : code.sha256());
    parts.put("environment", describe(cmd.environment()));
    parts.put("environment_variables", FlatJson.write(new TreeMap<>(step.environmentVariables())));
    parts.put("seed", Long.toString(seed));
    in.artifacts.forEach((n, o) -> parts.put("input." + n, "sha256:" + o.sha256()));
    in.values.forEach((n, v) -> parts.put("input." + n, "value:" + v));
    step.inputs().keySet().stream().filter(n -> !parts.containsKey("input." + n))
        .forEach(n -> parts.put("input." + n, "unset"));
    step.outputs().forEach((n, o) -> parts.put("output." + n, o.type().yamlName()));
    return CacheKey.of(parts);
  }

  static CacheKey of(PlannedStep step, Component.Parallel par, StoredObject code, StepRunner.Inputs in, long seed) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("kind", step.kind().yamlName());
    Component.ParallelTask t = par.task();
    parts.put("entry", t.type() + ":" + t.entryScript());
    parts.put("program_arguments", t.programArguments() == null ? "" : t.programArguments().raw().strip());
    parts.put("append_row_to", t.appendRowTo() == null ? "" : t.appendRowTo().raw());
    parts.put("input_data", par.inputData().raw());
    parts.put("mini_batch_size", par.miniBatchSize().raw());
    parts.put("code", code == null ? "none" : code.sha256());
    parts.put("environment", describe(t.environment()));
    parts.put("environment_variables", FlatJson.write(new TreeMap<>(step.environmentVariables())));
    parts.put("seed", Long.toString(seed));
    in.artifacts.forEach((n, o) -> parts.put("input." + n, "sha256:" + o.sha256()));
    in.values.forEach((n, v) -> parts.put("input." + n, "value:" + v));
    step.outputs().forEach((n, o) -> parts.put("output." + n, o.type().yamlName()));
    return CacheKey.of(parts);
  }

  private static String describe(Environment e) {
    if (e == null) {
      return "none";
    }
    if (e.raw() != null) {
      return e.raw();
    }
    return "image:" + e.image() + (e.condaFile() != null ? " conda:" + e.condaFile().raw() : "");
  }
}
