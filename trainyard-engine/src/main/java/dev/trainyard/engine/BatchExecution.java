package dev.trainyard.engine;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.plan.PlannedStep;
import dev.trainyard.store.BatchRecord;
import dev.trainyard.store.MetricRecord;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one mini-batch of a parallel step: the task's entry script with its program arguments and
 * the mini-batch's files, in a fresh folder whose output folders and rows file belong to this
 * mini-batch alone; retried on failure; its outputs stored and its end recorded as a checkpoint.
 */
final class BatchExecution {
  private final Workspace ws;
  private final StepExecutor executor;
  private final RunContext run;
  private final RunListener listener;

  BatchExecution(Workspace ws, StepExecutor executor, RunContext run, RunListener listener) {
    this.ws = ws;
    this.executor = executor;
    this.run = run;
    this.listener = listener;
  }

  BatchRecord run(PlannedStep step, Component.Parallel par, StepRunRecord rec, Path dir, Map<String, String> values,
      MiniBatches.Batch batch, long seed, Progress progress, List<MetricRecord> metrics, Map<String, String> params,
      JavaWorkers workers, InputStaging staging) throws IOException, SQLException, InterruptedException {
    int max = 1 + par.maxRetries();
    if (staging != null) {
      staging.stage(batch.files());
    }
    String error = null;
    String logSha = null;
    int attempts = 0;
    for (int attempt = 1; attempt <= max; attempt++) {
      attempts = attempt;
      Path bdir = Dirs.fresh(dir.resolve("batches").resolve(Integer.toString(batch.index())));
      Map<String, String> outPaths = new LinkedHashMap<>();
      for (String name : step.outputs().keySet()) {
        outPaths.put(name, Files.createDirectories(bdir.resolve("outputs").resolve(name)).toString());
      }
      Path itemsFile = bdir.resolve("items.txt");
      Files.write(itemsFile, batch.files().stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
      Path rows = bdir.resolve("rows.txt");
      String args = par.task().programArguments() == null ? ""
          : new CommandRenderer(values, outPaths, run.runId, run.datastore).render(par.task().programArguments());
      Path log = bdir.resolve("log.txt");
      StepExecutor.Result result;
      if (workers != null) {
        result = runOnWorker(workers, par, batch, bdir, args, outPaths, itemsFile, rows, seed, log, metrics, params);
      } else {
        StringBuilder cmd = new StringBuilder(entryCommand(par.task().entryScript()));
        if (!args.isEmpty()) {
          cmd.append(' ').append(args);
        }
        batch.files().forEach(f -> cmd.append(' ').append(ShellQuote.quote(f.toString())));
        Map<String, String> env = new LinkedHashMap<>(step.environmentVariables());
        env.put("TRAINYARD_RUN_ID", run.runId);
        env.put("TRAINYARD_STEP", step.name());
        env.put("TRAINYARD_SEED", Long.toString(seed));
        env.put("TRAINYARD_MINI_BATCH", itemsFile.toString());
        env.put("TRAINYARD_MINI_BATCH_INDEX", Integer.toString(batch.index()));
        env.put("TRAINYARD_ROWS", rows.toString());
        env.put("TRAINYARD_METRICS", bdir.resolve("metrics.jsonl").toString());
        env.put("TRAINYARD_ATTEMPT", Integer.toString(attempt));
        env.put("TRAINYARD_LOGGING_LEVEL", par.loggingLevel());
        outPaths.forEach((name, path) -> env.put("TRAINYARD_OUTPUT_" + name.toUpperCase(java.util.Locale.ROOT), path));
        result = executor.run(new StepExecutor.Task(run.runId, step.name() + "#" + batch.index(), attempt,
            cmd.toString(), dir.resolve("code"), env, par.retryTimeoutSeconds(), log), new StepExecutor.Sink() {
              @Override
              public void started(long pid) {
                try {
                  // Recorded so a resume after this process is killed can end the mini-batch's processes.
                  Files.writeString(bdir.resolve("pid"), Long.toString(pid));
                } catch (IOException e) {
                  listener.note("could not record the pid of mini-batch " + batch.index() + ": " + e.getMessage());
                }
              }

              @Override
              public void line(String line) {
                StepMetrics.collect(line, metrics, params);
              }
            });
      }
      StepMetrics.readJsonl(bdir.resolve("metrics.jsonl"), metrics, params);
      String wrote = staging == null ? null : staging.verify(batch.index(), batch.files());
      if (wrote == null && result.succeeded() && !result.canceled()) {
        BatchRecord done = succeeded(rec, batch, attempt, outPaths, rows, log, bdir, progress);
        if (staging != null) {
          staging.release(batch.files());
        }
        return done;
      }
      logSha = Files.exists(log) ? ws.objects().putFile(log).sha256() : null;
      if (wrote != null) {
        error = wrote;
        break; // not retried: the task writes into its inputs, which a retry would do again
      }
      if (result.canceled()) {
        return new BatchRecord(rec.id(), batch.index(), "failed", batch.files().size(), attempt, null, null, logSha,
            "canceled");
      }
      error = (workerError != null ? workerError : result.timedOut() ? "timed out after " + par.retryTimeoutSeconds()
          + " s" : "exit code " + result.exitCode() + lastLine(log)) + " (files: " + names(batch) + ")";
      if (attempt < max) {
        listener.note("step " + step.name() + ": mini-batch " + batch.index() + " failed (" + error + "); retrying");
      }
    }
    BatchRecord failed = new BatchRecord(rec.id(), batch.index(), "failed", batch.files().size(), attempts, null,
        null, logSha, error);
    ws.batches().record(failed);
    progress.finished(batch.files().size(), true);
    return failed;
  }

  /**
   * Stores a succeeded mini-batch's outputs, rows and log together (their files fsynced several
   * at a time, where each object used to be flushed on its own), then records its checkpoint.
   */
  private BatchRecord succeeded(StepRunRecord rec, MiniBatches.Batch batch, int attempt, Map<String, String> outPaths,
      Path rows, Path log, Path bdir, Progress progress) throws IOException, SQLException {
    List<Path> paths = new java.util.ArrayList<>();
    outPaths.values().forEach(p -> paths.add(Path.of(p)));
    boolean hasRows = Files.isRegularFile(rows) && Files.size(rows) > 0;
    boolean hasLog = Files.exists(log);
    if (hasRows) {
      paths.add(rows);
    }
    if (hasLog) {
      paths.add(log);
    }
    List<dev.trainyard.store.StoredObject> stored = ws.objects().putAll(paths, true);
    Map<String, String> trees = new LinkedHashMap<>();
    int i = 0;
    for (String name : outPaths.keySet()) {
      trees.put(name, stored.get(i++).sha256());
    }
    String rowsSha = hasRows ? stored.get(i++).sha256() : null;
    String logSha = hasLog ? stored.get(i).sha256() : null;
    BatchRecord ok = new BatchRecord(rec.id(), batch.index(), "succeeded", batch.files().size(), attempt,
        FlatJson.write(trees), rowsSha, logSha, null);
    ws.batches().record(ok);
    run.janitor.discard(bdir);
    progress.finished(batch.files().size(), false);
    return ok;
  }

  private String workerError;

  /** Runs the mini-batch on a worker JVM: INIT once per worker, then RUN. */
  private StepExecutor.Result runOnWorker(JavaWorkers workers, Component.Parallel par, MiniBatches.Batch batch,
      Path bdir, String args, Map<String, String> outPaths, Path itemsFile, Path rows, long seed, Path log,
      List<MetricRecord> metrics, Map<String, String> params) throws IOException, InterruptedException {
    workerError = null;
    Path argsFile = Files.write(bdir.resolve("args.txt"), ShellWords.split(args), StandardCharsets.UTF_8);
    Path outputsFile = Files.write(bdir.resolve("outputs.txt"),
        outPaths.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList(), StandardCharsets.UTF_8);
    JavaWorkers.Worker w = workers.take();
    String err;
    try (java.io.Writer logw = new java.io.Writer() {
          private final java.io.Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
          private final StringBuilder line = new StringBuilder();

          @Override
          public void write(char[] cbuf, int off, int len) throws IOException {
            file.write(cbuf, off, len);
            for (int i = off; i < off + len; i++) {
              if (cbuf[i] == '\n') {
                StepMetrics.collect(line.toString(), metrics, params);
                line.setLength(0);
              } else {
                line.append(cbuf[i]);
              }
            }
          }

          @Override
          public void flush() throws IOException {
            file.flush();
          }

          @Override
          public void close() throws IOException {
            file.close();
          }
        }) {
      err = null;
      if (!w.initialized) {
        err = w.call("INIT\t" + par.task().entryScript() + "\t" + argsFile + "\t" + seed, null, logw);
        if (err != null) {
          err = "init failed: " + err;
        } else {
          w.initialized = true;
        }
      }
      if (err == null) {
        err = w.call("RUN\t" + batch.index() + "\t" + argsFile + "\t" + itemsFile + "\t" + outputsFile + "\t" + rows,
            par.retryTimeoutSeconds(), logw);
      }
    }
    boolean broken = err != null && (err.startsWith("timed out") || err.startsWith("worker exited")
        || err.startsWith("init failed"));
    workers.give(w, !broken);
    if (executor instanceof LocalExecutor le && le.isCanceled()) {
      return new StepExecutor.Result(-1, false, true);
    }
    workerError = err;
    return new StepExecutor.Result(err == null ? 0 : 1, err != null && err.startsWith("timed out"), false);
  }

  /** How the entry is started: by its interpreter for scripts, directly otherwise. */
  static String entryCommand(String entry) {
    String q = ShellQuote.quote(entry);
    if (entry.endsWith(".py")) {
      return "python3 " + q;
    }
    if (entry.endsWith(".sh")) {
      return "bash " + q;
    }
    return entry.contains("/") ? q : "./" + q;
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          String l = lines.get(i).strip();
          return ": " + (l.length() > 200 ? l.substring(0, 200) + "..." : l);
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // an unreadable log adds nothing to the message
    }
    return "";
  }

  private static String names(MiniBatches.Batch b) {
    List<String> n = b.files().stream().map(p -> p.getFileName().toString()).toList();
    return n.size() <= 3 ? String.join(", ", n) : String.join(", ", n.subList(0, 3)) + " and " + (n.size() - 3) + " more";
  }

  /** Counts finished mini-batches and reports progress with items per second and time left. */
  static final class Progress {
    private final String step;
    private final int total;
    private final RunListener listener;
    private final AtomicInteger done;
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong items = new AtomicLong();
    private final long t0 = System.currentTimeMillis();
    private final int alreadyDone;

    Progress(String step, int total, int alreadyDone, RunListener listener) {
      this.step = step;
      this.total = total;
      this.listener = listener;
      this.done = new AtomicInteger(alreadyDone);
      this.alreadyDone = alreadyDone;
    }

    void finished(int batchItems, boolean failedBatch) {
      int d = failedBatch ? done.get() : done.incrementAndGet();
      int f = failedBatch ? failed.incrementAndGet() : failed.get();
      long n = items.addAndGet(batchItems);
      double secs = Math.max(0.001, (System.currentTimeMillis() - t0) / 1000.0);
      int ranNow = d + f - alreadyDone;
      long eta = ranNow == 0 ? 0 : (long) ((total - d - f) * (secs * 1000 / ranNow));
      listener.batchProgress(step, d, f, total, n / secs, eta);
    }
  }
}
