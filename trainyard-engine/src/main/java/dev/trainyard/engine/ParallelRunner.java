package dev.trainyard.engine;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.Component;
import dev.trainyard.spec.plan.PlannedStep;
import dev.trainyard.store.BatchRecord;
import dev.trainyard.store.MetricRecord;
import dev.trainyard.store.ResultStore;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a parallel step with Azure ML semantics: {@code input_data} split into mini-batches, run by
 * {@code instance_count × max_concurrency_per_instance} workers, each mini-batch retried up to
 * {@code retry_settings.max_retries} times and checkpointed when it ends, failures weighed against
 * {@code mini_batch_error_threshold} and {@code error_threshold}, outputs merged (and
 * {@code append_row_to} rows concatenated) in mini-batch order whatever the scheduling.
 */
final class ParallelRunner {
  private final Workspace ws;
  private final RunContext run;
  private final RunListener listener;
  private final StepExecutor executor;

  ParallelRunner(Workspace ws, StepExecutor executor, RunContext run, RunListener listener) {
    this.ws = ws;
    this.run = run;
    this.listener = listener;
    this.executor = executor;
  }

  StepOutcome run(PlannedStep step, Component.Parallel par, StepRunRecord rec, StepRunner.Inputs in,
      StoredObject code, long seed, long t0) throws IOException, SQLException, InterruptedException {
    Path dir = Dirs.fresh(ws.workDir(run.runId, step.name()));
    Binding data = par.inputData().soleBinding();
    StoredObject dataObject = in.artifacts.get(data.port());
    boolean perBatch = InputStaging.applies(par, data.port(), dataObject);
    Map<String, String> values = StepDir.prepare(ws, dir, code, in, perBatch ? Set.of(data.port()) : Set.of());
    String dataPath = values.get(data.port());
    if (dataPath == null) {
      return fail(step, rec, t0, "input_data " + data + " is not set");
    }
    InputStaging staging = perBatch ? InputStaging.of(ws, dataObject, Path.of(dataPath)) : null;
    List<Path> items = staging != null ? staging.items() : MiniBatches.items(Path.of(dataPath));
    if (items.isEmpty()) {
      return fail(step, rec, t0, "input_data " + data + " holds no files to process (the input '" + data.port()
          + "' is " + describe(step, data.port()) + ")");
    }
    List<MiniBatches.Batch> all = staging != null ? MiniBatches.split(items, par.miniBatchSize(), staging::size)
        : MiniBatches.split(items, par.miniBatchSize());
    Map<Integer, BatchRecord> done = new TreeMap<>();
    for (BatchRecord b : ws.batches().list(rec.id())) {
      if (b.succeeded()) {
        done.put(b.index(), b);
      }
    }
    if (!done.isEmpty()) {
      listener.note("step " + step.name() + ": " + done.size() + " of " + all.size()
          + " mini-batches were done before; going on with the rest");
    }
    long attemptId = ws.runs().startAttempt(rec.id(), ws.runs().attempts(rec.id()).size() + 1);
    listener.stepStarted(step.name(), 1);
    JavaWorkers workers = null;
    if ("java".equals(par.task().type())) {
      if (!(executor instanceof LocalExecutor local)) {
        return fail(step, rec, t0, "java parallel tasks need the local executor");
      }
      Path cwd = dir.resolve("code");
      // The code folder, its jars and lib/ jars; and a Maven project's target/ jar and target/lib/.
      List<String> cp = List.of(JavaWorkers.sdkLocation(), cwd.toString(), cwd.resolve("*").toString(),
          cwd.resolve("lib").resolve("*").toString(), cwd.resolve("target").resolve("*").toString(),
          cwd.resolve("target").resolve("lib").resolve("*").toString());
      Map<String, String> env = new LinkedHashMap<>(step.environmentVariables());
      env.put("TRAINYARD_RUN_ID", run.runId);
      env.put("TRAINYARD_STEP", step.name());
      env.put("TRAINYARD_SEED", Long.toString(seed));
      workers = new JavaWorkers(local, dir, cp, env, workers(step, par));
      // Booting the JVMs now overlaps their start-up with staging the first mini-batches.
      workers.prestart(all.size() - done.size());
    }
    BatchExecution.Progress progress = new BatchExecution.Progress(step.name(), all.size(), done.size(), listener);
    List<MetricRecord> metrics = Collections.synchronizedList(new ArrayList<>());
    Map<String, String> params = Collections.synchronizedMap(new LinkedHashMap<>());
    ExecutorService pool = Executors.newFixedThreadPool(workers(step, par), r -> {
      Thread t = new Thread(r, "mini-batch");
      t.setDaemon(true);
      return t;
    });
    Map<Integer, BatchRecord> results = new TreeMap<>(done);
    String wroteInputs;
    try {
      List<Future<BatchRecord>> futures = new ArrayList<>();
      for (MiniBatches.Batch b : all) {
        if (!done.containsKey(b.index())) {
          JavaWorkers jw = workers;
          futures.add(pool.submit(() -> new BatchExecution(ws, executor, run, listener)
              .run(step, par, rec, dir, values, b, seed, progress, metrics, params, jw, staging)));
        }
      }
      for (Future<BatchRecord> f : futures) {
        BatchRecord r = f.get();
        results.put(r.index(), r);
      }
    } catch (ExecutionException e) {
      throw new IOException("mini-batch runner failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      if (workers != null) {
        workers.close();
      }
      // Every task process has ended: nothing can write into the linked inputs any more.
      wroteInputs = staging == null ? null : staging.verifyAll();
    }
    if (wroteInputs != null) {
      ws.runs().endAttempt(attemptId, "failed", null, null, wroteInputs);
      ws.runs().endStep(rec.id(), "failed", wroteInputs);
      return new StepOutcome(step.name(), rec.id(), "failed", false, System.currentTimeMillis() - t0, Map.of(),
          Map.of(), wroteInputs);
    }
    List<BatchRecord> failed = results.values().stream().filter(b -> !b.succeeded()).toList();
    if (failed.stream().anyMatch(b -> "canceled".equals(b.error()))) {
      ws.runs().endAttempt(attemptId, "canceled", null, null, "canceled");
      ws.runs().endStep(rec.id(), "canceled", "canceled");
      return new StepOutcome(step.name(), rec.id(), "canceled", false, System.currentTimeMillis() - t0, Map.of(),
          Map.of(), "canceled");
    }
    int failedItems = failed.stream().mapToInt(BatchRecord::items).sum();
    String report = Thresholds.check(par, all.size(), failed, failedItems);
    metrics.add(new MetricRecord("mini_batches_failed", failed.size(), 0, System.currentTimeMillis(), null));
    metrics.add(new MetricRecord("mini_batches", all.size(), 0, System.currentTimeMillis(), null));
    if (report != null) {
      ws.runs().endAttempt(attemptId, "failed", null, null, report);
      ws.runs().endStep(rec.id(), "failed", report);
      return new StepOutcome(step.name(), rec.id(), "failed", false, System.currentTimeMillis() - t0, Map.of(),
          StepMetrics.last(metrics), report);
    }
    Map<String, StoredObject> outputs;
    try {
      outputs = new BatchMerge(ws).merge(step, par, results.values());
    } catch (BatchMerge.ConflictException e) {
      ws.runs().endAttempt(attemptId, "failed", null, null, e.getMessage());
      ws.runs().endStep(rec.id(), "failed", e.getMessage());
      return new StepOutcome(step.name(), rec.id(), "failed", false, System.currentTimeMillis() - t0, Map.of(), Map.of(),
          e.getMessage());
    }
    ws.runs().endAttempt(attemptId, "succeeded", 0, null, null);
    ws.results().complete(new ResultStore.Completion(rec.id(), run.runId, outputs, in.artifacts, in.values, metrics,
        params, null));
    run.janitor.discard(dir);
    return new StepOutcome(step.name(), rec.id(), "completed", false, System.currentTimeMillis() - t0, outputs,
        StepMetrics.last(metrics), null);
  }

  /** Where an input came from, for messages: a local path or a step's output. */
  private static String describe(PlannedStep step, String input) {
    var v = step.inputs().get(input);
    if (v instanceof dev.trainyard.spec.plan.ResolvedInput.Asset a) {
      return a.reference().raw();
    }
    if (v instanceof dev.trainyard.spec.plan.ResolvedInput.StepOutput so) {
      return "output " + so.output() + " of step " + so.step();
    }
    return "empty";
  }

  private static int workers(PlannedStep step, Component.Parallel par) {
    int instances = step.resources().instanceCount() == null ? 1 : step.resources().instanceCount();
    return Math.max(1, instances) * par.maxConcurrencyPerInstance();
  }

  private StepOutcome fail(PlannedStep step, StepRunRecord rec, long t0, String why) throws SQLException {
    ws.runs().endStep(rec.id(), "failed", why);
    return new StepOutcome(step.name(), rec.id(), "failed", false, System.currentTimeMillis() - t0, Map.of(), Map.of(), why);
  }
}
