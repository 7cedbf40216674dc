package dev.trainyard.engine;

import dev.trainyard.spec.IoType;
import dev.trainyard.spec.PortSpec;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.PlannedOutput;
import dev.trainyard.spec.plan.PlannedStep;
import dev.trainyard.store.RunRecord;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import dev.trainyard.store.registry.AssetKind;
import dev.trainyard.store.registry.NewAsset;
import dev.trainyard.store.registry.Provenance;
import dev.trainyard.store.registry.RegistryException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers the outputs that carry a {@code name:} (on the step's output, or on the pipeline
 * output it fills) as data assets or, for model types, models, once the run has completed. The
 * name template the run recorded (branch-aware names) applies to model names.
 */
final class OutputRegistration {
  private OutputRegistration() {}

  /** One registration made, for the run's report. */
  record Made(String step, String output, AssetKind kind, String ref, boolean created) {}

  /** Registers every named output; a refused one (a version taken by other content) is an error. */
  static List<Made> register(Workspace ws, Plan plan, String runId, List<StepOutcome> steps)
      throws SQLException, RegistryException {
    RunRecord run = ws.runs().find(runId);
    Map<String, String> tags = ws.results().tags(runId);
    String template = tags.get(NameTemplate.TAG);
    List<Made> made = new ArrayList<>();
    List<NewAsset> pending = new ArrayList<>();
    for (StepOutcome o : steps) {
      PlannedStep step = plan.step(o.name());
      if (step == null || !o.completed()) {
        continue;
      }
      for (PlannedOutput out : step.outputs().values()) {
        String name = out.assetName();
        String version = out.assetVersion();
        if (name == null && out.promotedTo() != null) {
          PortSpec p = plan.job().outputs().get(out.promotedTo());
          if (p != null) {
            name = p.assetName();
            version = p.assetVersion();
          }
        }
        StoredObject content = o.outputs().get(out.name());
        if (name == null || content == null) {
          continue;
        }
        IoType type = out.type();
        if (out.promotedTo() != null && plan.job().outputs().get(out.promotedTo()) != null
            && plan.job().outputs().get(out.promotedTo()).typeDeclared()) {
          type = plan.job().outputs().get(out.promotedTo()).type();
        }
        AssetKind kind = type.isModel() ? AssetKind.MODEL : AssetKind.DATA;
        if (kind == AssetKind.MODEL && template != null) {
          name = new NameTemplate(template).apply(name, NameTemplate.fromTags(tags), tags.get("trainyard.pipeline_type"));
        }
        StepRunRecord rec = ws.runs().stepById(o.stepRunId());
        String provenance = Provenance.ofStepOutput(ws, run, rec, out.name());
        pending.add(new NewAsset(kind, name, version, type.yamlName(), content, null, null,
            Map.of(), runId + ":" + o.name() + ":" + out.name(), runId, o.stepRunId(), provenance));
      }
    }
    // Every conflict is found before anything is registered, so a refused run registers nothing.
    for (NewAsset a : pending) {
      var existing = a.version() == null ? null : ws.registries().find(a.kind(), a.name(), a.version(), null);
      if (existing != null && !existing.sha256().equals(a.content().sha256())) {
        throw new RegistryException("output " + a.source().substring(runId.length() + 1).replace(':', '.') + ": "
            + a.kind().noun() + " " + existing.ref() + " already exists with other content; versions are immutable"
            + " (drop 'version:' to take the next number)");
      }
    }
    for (NewAsset a : pending) {
      var r = ws.registries().register(a);
      String[] src = a.source().split(":");
      made.add(new Made(src[1], src[2], a.kind(), r.asset().ref(), r.created()));
    }
    return made;
  }
}
