package dev.trainyard.engine;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.plan.PlannedOutput;
import dev.trainyard.spec.plan.PlannedStep;
import dev.trainyard.store.MetricRecord;
import dev.trainyard.store.ResultStore;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes a command step: a fresh working folder with its code snapshot, private copies of its
 * inputs and empty output folders; then attempts with exponential backoff; then the outputs
 * stored by content and the step run completed.
 */
final class Attempts {
  private final Workspace ws;
  private final StepExecutor executor;
  private final RunContext run;
  private final RunListener listener;

  Attempts(Workspace ws, StepExecutor executor, RunContext run, RunListener listener) {
    this.ws = ws;
    this.executor = executor;
    this.run = run;
    this.listener = listener;
  }

  StepOutcome execute(PlannedStep step, Component.Command cmd, StepRunRecord rec, StoredObject code,
      StepRunner.Inputs in, long seed, long t0) throws IOException, SQLException, InterruptedException {
    int maxAttempts = 1 + run.options.retries();
    // A resumed step keeps its earlier (abandoned) attempts; numbering goes on after them.
    int earlier = ws.runs().attempts(rec.id()).size();
    String error = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        long delay = run.options.backoffMillis() << Math.min(attempt - 2, 10);
        listener.note("step " + step.name() + ": retrying in " + delay + " ms (attempt " + attempt + " of "
            + maxAttempts + ")");
        Thread.sleep(delay);
      }
      Path dir = Dirs.fresh(ws.workDir(run.runId, step.name()));
      Path cwd = dir.resolve("code");
      Map<String, String> values = StepDir.prepare(ws, dir, code, in);
      Map<String, String> outPaths = new LinkedHashMap<>();
      for (var e : step.outputs().entrySet()) {
        Path p = dir.resolve("outputs").resolve(e.getKey());
        Files.createDirectories(StepRunner.isFileOutput(e.getValue()) ? p.getParent() : p);
        outPaths.put(e.getKey(), p.toString());
      }
      String command = new CommandRenderer(values, outPaths, run.runId, run.datastore).render(cmd.command());
      Path metricsFile = dir.resolve("metrics.jsonl");
      Map<String, String> env = new LinkedHashMap<>(step.environmentVariables());
      env.put("TRAINYARD_RUN_ID", run.runId);
      env.put("TRAINYARD_STEP", step.name());
      env.put("TRAINYARD_SEED", Long.toString(seed));
      env.put("TRAINYARD_METRICS", metricsFile.toString());
      env.put("TRAINYARD_ATTEMPT", Integer.toString(earlier + attempt));
      long attemptId = ws.runs().startAttempt(rec.id(), earlier + attempt);
      listener.stepStarted(step.name(), earlier + attempt);
      List<MetricRecord> metrics = Collections.synchronizedList(new ArrayList<>());
      Map<String, String> params = Collections.synchronizedMap(new LinkedHashMap<>());
      Path log = dir.resolve("log.txt");
      StepExecutor.Result result = executor.run(new StepExecutor.Task(run.runId, step.name(), attempt, command, cwd,
          env, step.resources().timeoutSeconds(), log), new StepExecutor.Sink() {
            @Override
            public void started(long pid) {
              try {
                ws.runs().attemptPid(attemptId, pid);
              } catch (SQLException e) {
                listener.note("could not record the pid of step " + step.name() + ": " + e.getMessage());
              }
            }

            @Override
            public void line(String line) {
              StepMetrics.collect(line, metrics, params);
              listener.stepOutput(step.name(), line);
            }
          });
      StepMetrics.readJsonl(metricsFile, metrics, params);
      String logSha = Files.exists(log) ? ws.objects().putFile(log).sha256() : null;
      if (result.succeeded()) {
        Map<String, StoredObject> outputs = storeOutputs(step, dir);
        ws.runs().endAttempt(attemptId, "succeeded", 0, logSha, null);
        ws.results().complete(new ResultStore.Completion(rec.id(), run.runId, outputs, in.artifacts, in.values,
            metrics, params, null));
        run.janitor.discard(dir);
        return new StepOutcome(step.name(), rec.id(), "completed", false, System.currentTimeMillis() - t0, outputs,
            StepMetrics.last(metrics), null);
      }
      String status = result.canceled() ? "canceled" : result.timedOut() ? "timed_out" : "failed";
      error = result.canceled() ? "canceled" : result.timedOut() ? "timed out after "
          + step.resources().timeoutSeconds() + " s" : "exit code " + result.exitCode();
      ws.runs().endAttempt(attemptId, status, result.timedOut() || result.canceled() ? null : result.exitCode(),
          logSha, error);
      if (result.canceled()) {
        ws.runs().endStep(rec.id(), "canceled", "canceled");
        return new StepOutcome(step.name(), rec.id(), "canceled", false, System.currentTimeMillis() - t0, Map.of(),
            Map.of(), "canceled");
      }
    }
    String message = error + (maxAttempts > 1 ? " (after " + maxAttempts + " attempts)" : "");
    ws.runs().endStep(rec.id(), "failed", message);
    return new StepOutcome(step.name(), rec.id(), "failed", false, System.currentTimeMillis() - t0, Map.of(), Map.of(),
        message);
  }

  /** Moves each output into the object store; a missing uri_file output fails the step. */
  private Map<String, StoredObject> storeOutputs(PlannedStep step, Path dir) throws IOException {
    Map<String, StoredObject> outputs = new LinkedHashMap<>();
    for (Map.Entry<String, PlannedOutput> e : step.outputs().entrySet()) {
      Path p = dir.resolve("outputs").resolve(e.getKey());
      if (Files.isRegularFile(p)) {
        outputs.put(e.getKey(), ws.objects().moveFile(p));
      } else {
        Files.createDirectories(p);
        outputs.put(e.getKey(), ws.objects().putTree(p, true));
      }
    }
    return outputs;
  }
}
