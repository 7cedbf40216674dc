package dev.trainyard.engine;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.plan.PlannedOutput;
import dev.trainyard.spec.plan.PlannedStep;
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
  /** Working folders holding more than this many bytes of copies are deleted at once. */
  private static final long LARGE = 64L << 20;

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

  /**
   * Runs the attempts of a step.
   *
   * @param start the step run's start, recorded with its first attempt once the process is running
   */
  StepOutcome execute(PlannedStep step, Component.Command cmd, StepRunRecord rec, StoredObject code,
      StepRunner.Inputs in, long seed, long t0, RunStore.StepStart start)
      throws IOException, SQLException, InterruptedException {
    int maxAttempts = 1 + run.options.retries();
    // A resumed step keeps its earlier (abandoned) attempts; numbering goes on after them. A new
    // run has none, and skips the query.
    int earlier = run.resumed ? ws.runs().attempts(rec.id()).size() : 0;
    RunStore.StepStart unrecorded = start;
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
      Path outputsDir = dir.resolve("outputs");
      if (!step.outputs().isEmpty()) {
        Files.createDirectory(outputsDir); // then one mkdir per folder output
      }
      for (var e : step.outputs().entrySet()) {
        Path p = outputsDir.resolve(e.getKey());
        if (!StepRunner.isFileOutput(e.getValue())) {
          Files.createDirectory(p);
        }
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
      List<MetricRecord> metrics = Collections.synchronizedList(new ArrayList<>());
      Map<String, String> params = Collections.synchronizedMap(new LinkedHashMap<>());
      Path log = dir.resolve("log.txt");
      int number = earlier + attempt;
      RunStore.StepStart starting = unrecorded;
      long[] attemptId = {-1};
      StepExecutor.Result result;
      try {
        result = executor.run(new StepExecutor.Task(run.runId, step.name(), attempt, command, cwd, env,
            step.resources().timeoutSeconds(), log), new StepExecutor.Sink() {
            @Override
            public void started(long pid) throws IOException {
              // One transaction as the attempt starts: the step run (first attempt only), the
              // attempt and its process group, so that a resume after a kill can end it.
              try {
                attemptId[0] = ws.runs().startAttempt(rec.id(), starting, number, pid);
              } catch (SQLException e) {
                throw new NotRecorded(e);
              }
              listener.stepStarted(step.name(), number);
            }

            @Override
            public void line(String line) {
              StepMetrics.collect(line, metrics, params);
              listener.stepOutput(step.name(), line);
            }
          });
      } catch (NotRecorded e) {
        throw e.sql;
      }
      if (attemptId[0] < 0 && !result.canceled()) {
        // An executor that reports no process (a remote one) still gets its attempt recorded.
        attemptId[0] = ws.runs().startAttempt(rec.id(), starting, number, null);
      }
      if (attemptId[0] >= 0) {
        unrecorded = null;
      }
      StepMetrics.readJsonl(metricsFile, metrics, params);
      String logSha = Files.exists(log) ? ws.objects().putFile(log).sha256() : null;
      if (result.succeeded()) {
        Map<String, StoredObject> outputs = storeOutputs(step, dir);
        // The outputs are durable (stored above); one transaction ends the attempt and completes
        // the step run.
        ws.results().complete(new ResultStore.Completion(rec.id(), run.runId, outputs, in.artifacts, in.values,
            metrics, params, null), null, new RunStore.AttemptEnd(attemptId[0], "succeeded", 0, logSha, null));
        // Folders that copied little are deleted after the run's steps (see Janitor for why).
        long copied = (code == null ? 0 : code.size())
            + in.artifacts.values().stream().mapToLong(StoredObject::size).sum();
        if (copied < LARGE) {
          run.janitor.discardLater(dir);
        } else {
          run.janitor.discard(dir);
        }
        return new StepOutcome(step.name(), rec.id(), "completed", false, System.currentTimeMillis() - t0, outputs,
            StepMetrics.last(metrics), null);
      }
      String status = result.canceled() ? "canceled" : result.timedOut() ? "timed_out" : "failed";
      error = result.canceled() ? "canceled" : result.timedOut() ? "timed out after "
          + step.resources().timeoutSeconds() + " s" : "exit code " + result.exitCode();
      if (attemptId[0] >= 0) {
        ws.runs().endAttempt(attemptId[0], status, result.timedOut() || result.canceled() ? null : result.exitCode(),
            logSha, error);
      }
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

  /** A failure to record an attempt's start, carried through the executor to be rethrown as is. */
  private static final class NotRecorded extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient SQLException sql;

    NotRecorded(SQLException sql) {
      super(sql.getMessage(), sql);
      this.sql = sql;
    }
  }

  /** Moves each output into the object store; a missing uri_file output fails the step. */
  private Map<String, StoredObject> storeOutputs(PlannedStep step, Path dir) throws IOException {
    Map<String, StoredObject> outputs = new LinkedHashMap<>();
    for (Map.Entry<String, PlannedOutput> e : step.outputs().entrySet()) {
      Path p = dir.resolve("outputs").resolve(e.getKey());
      if (Files.isRegularFile(p)) {
        outputs.put(e.getKey(), ws.objects().moveFile(p));
      } else {
        if (!Files.isDirectory(p)) {
          // Made again if the command removed it. Checked first: on a folder that exists (the
          // usual case) createDirectories costs a failed mkdir and an exception.
          Files.createDirectories(p);
        }
        outputs.put(e.getKey(), ws.objects().putTree(p, true));
      }
    }
    return outputs;
  }
}
