package dev.trainyard.engine;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.PlannedStep;
import dev.trainyard.spec.plan.ResolvedInput;
import dev.trainyard.store.ObjectStore;
import dev.trainyard.store.Sha256;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.TreeManifest;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads from a past run the {@link Pins} that make a rerun of it use the same code and data: each
 * step's code snapshot hash and local inputs' content hashes, taken from the step run's recorded
 * cache-key parts ({@code code}, {@code input.NAME = sha256:...}). Those are written when a step
 * starts, so they exist for steps that failed or were reused too. Every pinned object is checked
 * to be in the store before anything runs, so a rerun that cannot be faithful fails up front.
 */
public final class RerunPins {
  private RerunPins() {}

  /** The pins, and what could not be pinned (steps the original never started), for notes. */
  public record Result(Pins pins, List<String> notes) {}

  /** A recorded object is gone from the store: the run cannot be reproduced from its record. */
  public static final class MissingObjectException extends Exception {
    MissingObjectException(String message) {
      super(message);
    }
  }

  /** The pins for rerunning {@code runId} with {@code plan} (planned from the run's recorded file). */
  public static Result of(Workspace ws, String runId, Plan plan) throws SQLException, MissingObjectException {
    Map<String, StepRunRecord> recorded = new HashMap<>();
    for (StepRunRecord s : ws.runs().steps(runId)) {
      recorded.put(s.name(), s);
    }
    Map<String, StoredObject> code = new LinkedHashMap<>();
    Map<String, Map<String, StoredObject>> inputs = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (PlannedStep step : plan.steps()) {
      StepRunRecord rec = recorded.get(step.name());
      List<String> local = localInputs(step);
      boolean localCode = codeOf(step) instanceof Reference.LocalPath;
      if (!localCode && local.isEmpty()) {
        continue; // nothing on disk to pin: its inputs come from other steps or are values
      }
      if (rec == null || rec.keyParts() == null) {
        notes.add("step " + step.name() + (rec == null ? " is not in run " + runId : " never started in run " + runId)
            + "; its code and local inputs are taken as they are now");
        continue;
      }
      Map<String, String> parts = FlatJson.read(rec.keyParts());
      String what = "step " + step.name();
      if (localCode && Sha256.isHash(parts.get("code"))) {
        code.put(step.name(), tree(ws, parts.get("code"), "the code snapshot of " + what));
      }
      for (String name : local) {
        String v = parts.getOrDefault("input." + name, "");
        if (v.startsWith("sha256:")) {
          String sha = v.substring("sha256:".length());
          inputs.computeIfAbsent(step.name(), k -> new LinkedHashMap<>())
              .put(name, artifact(ws, sha, "input '" + name + "' of " + what));
        }
      }
    }
    return new Result(new Pins(code, inputs), notes);
  }

  private static Reference codeOf(PlannedStep step) {
    if (step.component() instanceof Component.Command c) {
      return c.code();
    }
    return step.component() instanceof Component.Parallel p ? p.task().code() : null;
  }

  private static List<String> localInputs(PlannedStep step) {
    List<String> names = new ArrayList<>();
    step.inputs().forEach((name, v) -> {
      // Local paths and registered assets (N@latest may name a newer version now) are pinned alike.
      if (v instanceof ResolvedInput.Asset a
          && (a.reference() instanceof Reference.LocalPath || a.reference() instanceof Reference.Registered)) {
        names.add(name);
      }
    });
    return names;
  }

  /** A recorded input: its kind from the artifacts table, else (a step that failed) from the bytes. */
  private static StoredObject artifact(Workspace ws, String sha, String what)
      throws SQLException, MissingObjectException {
    StoredObject known = ws.results().artifact(sha);
    if (known != null) {
      if (known.kind() == StoredObject.Kind.TREE) {
        tree(ws, sha, what);
      } else {
        present(ws.objects(), sha, what);
      }
      return known;
    }
    present(ws.objects(), sha, what);
    try {
      ws.objects().readTree(sha);
    } catch (IOException e) {
      // Not a folder manifest: the input was a single file.
      try {
        return new StoredObject(sha, StoredObject.Kind.FILE, ws.objects().size(sha), 1);
      } catch (IOException gone) {
        throw new MissingObjectException(what + " (" + sha + ") is no longer in the workspace's store");
      }
    }
    return tree(ws, sha, what);
  }

  /** A stored folder whose manifest and files are all present. */
  private static StoredObject tree(Workspace ws, String sha, String what) throws MissingObjectException {
    present(ws.objects(), sha, what);
    TreeManifest m;
    try {
      m = ws.objects().readTree(sha);
    } catch (IOException e) {
      throw new MissingObjectException(what + " (" + sha + ") is damaged in the store: " + e.getMessage());
    }
    for (TreeManifest.Entry e : m.entries()) {
      present(ws.objects(), e.sha256(), what + ", file " + e.path());
    }
    return new StoredObject(sha, StoredObject.Kind.TREE, m.totalSize(), m.entries().size());
  }

  private static void present(ObjectStore store, String sha, String what) throws MissingObjectException {
    if (!store.contains(sha)) {
      throw new MissingObjectException(what + " (" + sha + ") is no longer in the workspace's store");
    }
  }
}
