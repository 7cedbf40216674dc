package dev.trainyard.engine;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.IoType;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.load.Scalars;
import dev.trainyard.spec.plan.PlannedOutput;
import dev.trainyard.spec.plan.PlannedStep;
import dev.trainyard.spec.plan.ResolvedInput;
import dev.trainyard.store.MetricRecord;
import dev.trainyard.store.ResultStore;
import dev.trainyard.store.RunStore;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one step of a run: works out its inputs and cache key, reuses an earlier step run when one
 * matches and is intact, else prepares a fresh working folder, runs the attempts and records the
 * outputs — durable first, then the step run's completion in one transaction.
 */
final class StepRunner {
  private final Workspace ws;
  private final StepExecutor executor;
  private final RunContext run;
  private final RunListener listener;

  StepRunner(Workspace ws, StepExecutor executor, RunContext run, RunListener listener) {
    this.ws = ws;
    this.executor = executor;
    this.run = run;
    this.listener = listener;
  }

  /** True when the run may reuse this step's earlier results. */
  boolean mayReuse(PlannedStep step) {
    return step.deterministic() && !run.options.forceRerun() && !run.pipelineForceRerun
        && (step.component() instanceof Component.Command || step.component() instanceof Component.Parallel);
  }

  /**
   * Completes the step from an earlier step run when one matches and is intact; null (nothing
   * recorded) when the step must run or fail, which {@link #run} then does without trying again.
   */
  StepOutcome reuse(PlannedStep step, StepRunRecord rec, Map<String, Map<String, StoredObject>> upstream)
      throws IOException, SQLException {
    long t0 = System.currentTimeMillis();
    if (!mayReuse(step)) {
      return null;
    }
    Component.Parallel par = step.component() instanceof Component.Parallel p ? p : null;
    Component.Command cmd = step.component() instanceof Component.Command c ? c : null;
    Inputs in = inputs(step, upstream);
    if (in.error != null) {
      return null;
    }
    Reference codeRef = cmd != null ? cmd.code() : par.task().code();
    StoredObject code = codeRef instanceof Reference.LocalPath lp ? run.snapshots.snapshot(lp.path()) : null;
    long seed = Seeds.forStep(run.options.seed(), step.name());
    CacheKey key = cmd != null ? StepKeys.of(step, cmd, code, in, seed) : StepKeys.of(step, par, code, in, seed);
    return tryReuse(step, rec, key, in, t0, new RunStore.StepStart(rec.version(), key.key(), key.partsJson(), seed));
  }

  StepOutcome run(PlannedStep step, StepRunRecord rec, Map<String, Map<String, StoredObject>> upstream)
      throws IOException, SQLException, InterruptedException {
    return run(step, rec, upstream, true);
  }

  /** Runs the step; {@code reuse} false when {@link #reuse} already found nothing to reuse. */
  StepOutcome run(PlannedStep step, StepRunRecord rec, Map<String, Map<String, StoredObject>> upstream, boolean reuse)
      throws IOException, SQLException, InterruptedException {
    long t0 = System.currentTimeMillis();
    Component.Parallel par = step.component() instanceof Component.Parallel p ? p : null;
    Component.Command cmd = step.component() instanceof Component.Command c ? c : null;
    String unsupported = cmd == null && par == null ? step.kind() + " steps cannot run locally yet" : null;
    if (unsupported != null) {
      ws.runs().endStep(rec.id(), "failed", unsupported);
      return new StepOutcome(step.name(), rec.id(), "failed", false, 0, Map.of(), Map.of(), unsupported);
    }
    Inputs in = inputs(step, upstream);
    if (in.error != null) {
      ws.runs().endStep(rec.id(), "failed", in.error);
      return new StepOutcome(step.name(), rec.id(), "failed", false, 0, Map.of(), Map.of(), in.error);
    }
    Reference codeRef = cmd != null ? cmd.code() : par.task().code();
    StoredObject code = codeRef instanceof Reference.LocalPath lp ? run.code(step.name(), lp.path()) : null;
    long seed = Seeds.forStep(run.options.seed(), step.name());
    CacheKey key = cmd != null ? StepKeys.of(step, cmd, code, in, seed) : StepKeys.of(step, par, code, in, seed);
    if (par != null && rec.cacheKey() != null && !rec.cacheKey().equals(key.key())) {
      ws.batches().clear(rec.id()); // inputs or code changed since: earlier mini-batches no longer apply
    }
    // The step run's start (its cache key) is written together with what comes next: its
    // completion when reused, its first attempt when run.
    RunStore.StepStart start = new RunStore.StepStart(rec.version(), key.key(), key.partsJson(), seed);
    if (reuse && mayReuse(step)) {
      StepOutcome reused = tryReuse(step, rec, key, in, t0, start);
      if (reused != null) {
        return reused;
      }
    }
    if (par != null) {
      ws.runs().startStep(rec.id(), rec.version(), key.key(), key.partsJson(), seed);
      return new ParallelRunner(ws, executor, run, listener).run(step, par, rec, in, code, seed, t0);
    }
    return new Attempts(ws, executor, run, listener).execute(step, cmd, rec, code, in, seed, t0, start);
  }

  private StepOutcome tryReuse(PlannedStep step, StepRunRecord rec, CacheKey key, Inputs in, long t0,
      RunStore.StepStart start) throws SQLException {
    StepRunRecord earlier = ws.results().reusable(key.key(), run.runId);
    if (earlier == null) {
      return null;
    }
    Map<String, StoredObject> outputs = new LinkedHashMap<>();
    for (var e : ws.results().io(earlier.id(), "out").entrySet()) {
      StoredObject o = ws.results().artifact(e.getValue().artifactSha256());
      if (o == null || !ws.objects().verify(o.sha256(), o.kind())) {
        listener.note("step " + step.name() + ": the outputs of its earlier run are missing or damaged; running it again");
        return null;
      }
      outputs.put(e.getKey(), o);
    }
    if (!outputs.keySet().containsAll(step.outputs().keySet())) {
      return null;
    }
    ws.results().complete(new ResultStore.Completion(rec.id(), run.runId, outputs, in.artifacts, in.values,
        List.of(), Map.of(), earlier.id()), start, null);
    return new StepOutcome(step.name(), rec.id(), "completed", true, System.currentTimeMillis() - t0, outputs,
        Map.of(), null);
  }

  /** A step's inputs: stored artifacts (by name) and parameter values (as text). */
  static final class Inputs {
    final Map<String, StoredObject> artifacts = new LinkedHashMap<>();
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, IoType> types = new LinkedHashMap<>();
    String error;
  }

  private Inputs inputs(PlannedStep step, Map<String, Map<String, StoredObject>> upstream) throws IOException {
    Inputs in = new Inputs();
    for (var e : step.inputs().entrySet()) {
      String name = e.getKey();
      ResolvedInput v = e.getValue();
      in.types.put(name, v.type());
      if (v instanceof ResolvedInput.Value val) {
        in.values.put(name, Scalars.text(val.value()));
      } else if (v instanceof ResolvedInput.StepOutput so) {
        StoredObject o = upstream.getOrDefault(so.step(), Map.of()).get(so.output());
        if (o == null) {
          in.error = "input '" + name + "': step " + so.step() + " produced no output '" + so.output() + "'";
          return in;
        }
        in.artifacts.put(name, o);
      } else if (v instanceof ResolvedInput.Asset a && a.reference() instanceof Reference.Registered reg) {
        StoredObject pinned = run.options.pins().input(step.name(), name);
        StoredObject o = pinned != null ? pinned : run.registeredInput(reg, v.type());
        if (o == null) {
          in.error = "input '" + name + "': " + (v.type().isModel() ? "model " : "data asset ") + reg.display()
              + " is not registered in this workspace";
          return in;
        }
        in.artifacts.put(name, o);
      } else if (v instanceof ResolvedInput.Asset a) {
        if (!(a.reference() instanceof Reference.LocalPath lp)) {
          in.error = "input '" + name + "': " + a.reference().raw() + " is not a local path; Trainyard cannot fetch"
              + " remote data";
          return in;
        }
        StoredObject pinned = run.options.pins().input(step.name(), name);
        if (pinned != null) {
          // A rerun: the bytes the original run read, whatever is on disk now.
          in.artifacts.put(name, pinned);
          continue;
        }
        if (!Files.exists(lp.path())) {
          in.error = "input '" + name + "': path " + lp.path() + " does not exist";
          return in;
        }
        in.artifacts.put(name, run.localInput(lp.path()));
      }
    }
    return in;
  }

  /** The type each output is stored as: a file for uri_file outputs that hold a file, else a folder. */
  static boolean isFileOutput(PlannedOutput o) {
    return o.type() == IoType.URI_FILE;
  }

  static Path inputPath(Path root, String name, StoredObject o) {
    return root.resolve("inputs").resolve(name);
  }
}
