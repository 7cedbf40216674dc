package dev.trainyard.engine;

import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.PlannedStep;
import dev.trainyard.store.RunRecord;
import dev.trainyard.store.RunStore;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a plan on a workspace: a step starts when every step it binds has completed, at most
 * {@link RunOptions#concurrency()} at once; a failure stops new steps from starting unless the
 * pipeline says {@code continue_on_step_failure}, and the steps that depend on a failed one are
 * skipped. {@link #resume} continues a failed, canceled or abandoned run from its completed steps.
 */
public final class Engine {
  private final Workspace ws;
  private final StepExecutor executor;
  private final RunListener listener;
  private volatile boolean canceled;

  public Engine(Workspace ws, StepExecutor executor, RunListener listener) {
    this.ws = ws;
    this.executor = executor;
    this.listener = listener;
  }

  /** The end of a run: its id, status and each step's outcome in plan order. */
  public record RunOutcome(String runId, String status, String experiment, List<StepOutcome> steps,
      List<String> registered, String error) {
    public RunOutcome(String runId, String status, String experiment, List<StepOutcome> steps) {
      this(runId, status, experiment, steps, List.of(), null);
    }
  }

  /** Starts a new run of {@code plan}. */
  public RunOutcome run(Plan plan, RunStore.NewRun record, RunOptions options) throws SQLException, IOException {
    ws.runs().create(record);
    return execute(plan, record.id(), false, options);
  }

  /** Continues run {@code runId} with {@code plan} (re-made from the run's recorded file and inputs). */
  public RunOutcome resume(Plan plan, String runId, RunOptions options) throws SQLException, IOException {
    RunRecord r = ws.runs().find(runId);
    for (StepRunRecord s : ws.runs().steps(runId)) {
      if (!s.isCompleted()) {
        Leftovers.end(ws, s);
        ws.runs().resetStep(s.id());
      }
    }
    ws.runs().setRunStatus(runId, "running", r.version(), ProcessHandle.current().pid());
    return execute(plan, runId, true, options);
  }

  /** Ends running steps and stops starting new ones (Ctrl-C). */
  public void cancel() {
    canceled = true;
    executor.cancelAll();
  }

  private RunOutcome execute(Plan plan, String runId, boolean resumed, RunOptions options)
      throws SQLException, IOException {
    RunContext ctx = new RunContext(ws, runId, resumed, options, plan.job().settings().forceRerun(),
        plan.job().settings().defaultDatastore());
    Map<String, StepRunRecord> records = new HashMap<>();
    for (StepRunRecord s : ws.runs().steps(runId)) {
      records.put(s.name(), s);
    }
    Map<String, StepOutcome> done = new LinkedHashMap<>();
    Map<String, Map<String, StoredObject>> outputs = new HashMap<>();
    for (PlannedStep s : plan.steps()) {
      StepRunRecord rec = records.get(s.name());
      if (rec != null && rec.isCompleted()) {
        Map<String, StoredObject> outs = new LinkedHashMap<>();
        for (var e : ws.results().io(rec.id(), "out").entrySet()) {
          outs.put(e.getKey(), ws.results().artifact(e.getValue().artifactSha256()));
        }
        outputs.put(s.name(), outs);
        done.put(s.name(), new StepOutcome(s.name(), rec.id(), "completed", true, 0, outs, Map.of(), null));
      }
    }
    listener.runStarted(runId, plan.steps().size());
    // Reuse first, in plan order on this thread: a fully reused pipeline is a chain of quick checks,
    // and handing each to a pool thread and back cost more than the checks (two thread wake-ups
    // per step, each several ms on a busy machine). What is not reused goes to the pool below.
    java.util.Set<String> notReused = new java.util.HashSet<>();
    for (PlannedStep s : plan.steps()) {
      if (canceled || done.containsKey(s.name())
          || !s.dependsOn().stream().allMatch(d -> done.containsKey(d) && done.get(d).completed())) {
        continue;
      }
      StepRunner runner = new StepRunner(ws, executor, ctx, listener);
      if (!runner.mayReuse(s)) {
        continue;
      }
      StepOutcome o = runner.reuse(s, records.get(s.name()), inputsOf(s, outputs));
      if (o == null) {
        notReused.add(s.name());
        continue;
      }
      done.put(s.name(), o);
      outputs.put(s.name(), o.outputs());
      listener.stepFinished(o);
    }
    boolean continueOnFailure = plan.job().settings().continueOnStepFailure();
    ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
      Thread t = new Thread(r, "step-runner");
      t.setDaemon(true);
      return t;
    });
    CompletionService<StepOutcome> cs = new ExecutorCompletionService<>(pool);
    Map<String, Future<StepOutcome>> running = new HashMap<>();
    // Each step's count of dependencies not yet completed; a step is ready at zero. Kept up to
    // date as steps finish, so scheduling costs O(edges) in all rather than O(steps) per event.
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<PlannedStep>> dependents = new HashMap<>();
    List<PlannedStep> ready = new ArrayList<>();
    for (PlannedStep s : plan.steps()) {
      if (done.containsKey(s.name())) {
        continue;
      }
      int n = 0;
      for (String d : s.dependsOn()) {
        if (!(done.containsKey(d) && done.get(d).completed())) {
          n++;
          dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(s);
        }
      }
      waiting.put(s.name(), n);
      if (n == 0) {
        ready.add(s);
      }
    }
    boolean stop = false;
    try {
      while (true) {
        if (!stop && !canceled) {
          for (PlannedStep s : ready) {
            // The version read above: a step run is moved only by the process running it, so a
            // changed version means another process took it, and starting it must fail.
            StepRunRecord rec = records.get(s.name());
            StepRunner runner = new StepRunner(ws, executor, ctx, listener);
            Map<String, Map<String, StoredObject>> upstream = inputsOf(s, outputs);
            boolean reuse = !notReused.contains(s.name());
            running.put(s.name(), cs.submit(() -> runner.run(s, rec, upstream, reuse)));
          }
          ready.clear();
        }
        if (running.isEmpty()) {
          break;
        }
        StepOutcome o = take(cs);
        running.remove(o.name());
        done.put(o.name(), o);
        outputs.put(o.name(), o.outputs());
        listener.stepFinished(o);
        if (!o.completed() && !continueOnFailure) {
          stop = true;
        }
        if (o.completed()) {
          for (PlannedStep d : dependents.getOrDefault(o.name(), List.of())) {
            if (waiting.merge(d.name(), -1, Integer::sum) == 0) {
              ready.add(d);
            }
          }
        }
      }
    } finally {
      pool.shutdownNow();
      ctx.janitor.stop();
    }
    List<StepOutcome> steps = new ArrayList<>();
    for (PlannedStep s : plan.steps()) {
      StepOutcome o = done.get(s.name());
      if (o == null) {
        String why = canceled ? "canceled" : "not run: " + blocker(s, done);
        String status = canceled ? "canceled" : "skipped";
        ws.runs().endStep(records.get(s.name()).id(), status, why);
        o = new StepOutcome(s.name(), records.get(s.name()).id(), status, false, 0, Map.of(), Map.of(), why);
        listener.stepFinished(o);
      }
      steps.add(o);
    }
    String status = canceled || steps.stream().anyMatch(o -> o.status().equals("canceled")) ? "canceled"
        : steps.stream().allMatch(StepOutcome::completed) ? "completed" : "failed";
    // Named outputs become data assets and models only once the whole run has completed.
    List<String> registered = new ArrayList<>();
    String error = null;
    if (status.equals("completed")) {
      try {
        for (OutputRegistration.Made m : OutputRegistration.register(ws, plan, runId, steps)) {
          String line = m.kind().noun() + " " + m.ref() + (m.created() ? " registered" : " unchanged (same content)")
              + " from " + m.step() + "." + m.output();
          registered.add(line);
          listener.note(line);
        }
      } catch (dev.trainyard.store.registry.RegistryException e) {
        error = e.getMessage();
        listener.note("error: " + error);
        status = "failed";
      }
      ws.treeIndex().catchUp();
    }
    RunRecord r = ws.runs().find(runId);
    ws.runs().setRunStatus(runId, status, r.version(), null);
    return new RunOutcome(runId, status, r.experiment(), steps, registered, error);
  }

  /** The outputs of the steps {@code s} depends on: all a step runner may read. */
  private static Map<String, Map<String, StoredObject>> inputsOf(PlannedStep s,
      Map<String, Map<String, StoredObject>> outputs) {
    Map<String, Map<String, StoredObject>> m = new HashMap<>();
    for (String d : s.dependsOn()) {
      m.put(d, outputs.get(d));
    }
    return m;
  }

  private static StepOutcome take(CompletionService<StepOutcome> cs) throws IOException, SQLException {
    try {
      return cs.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for steps", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException("step runner failed", c);
    }
  }

  private static String blocker(PlannedStep s, Map<String, StepOutcome> done) {
    for (String d : s.dependsOn()) {
      StepOutcome o = done.get(d);
      if (o == null || !o.completed()) {
        return "step " + d + (o == null ? " did not run" : " " + o.status());
      }
    }
    return "an earlier step failed";
  }
}
