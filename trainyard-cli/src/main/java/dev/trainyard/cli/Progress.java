package dev.trainyard.cli;

import dev.trainyard.engine.RunListener;
import dev.trainyard.engine.StepOutcome;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live progress of a run on stderr: a line as each step starts and ends, with steps done, elapsed
 * time and a rough time left. Silent with {@code --quiet} and {@code --json}.
 */
final class Progress implements RunListener {
  private final boolean quiet;
  private final int total;
  private final AtomicInteger finished = new AtomicInteger();
  private final long t0 = System.currentTimeMillis();
  private final PrintStream err = System.err;

  Progress(OutputOptions output, int total) {
    this.quiet = output.quiet || output.json;
    this.total = total;
  }

  @Override
  public void runStarted(String runId, int steps) {
    say("run " + runId + ": " + steps + (steps == 1 ? " step" : " steps"));
  }

  @Override
  public void stepStarted(String step, int attempt) {
    say("  started   " + step + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
  }

  @Override
  public void stepFinished(StepOutcome o) {
    int n = finished.incrementAndGet();
    if (quiet) {
      return; // nothing said: its three String.formats were a tenth of a millisecond per step
    }
    long elapsed = System.currentTimeMillis() - t0;
    String eta = n < total && n > 0 ? ", about " + seconds(elapsed * (total - n) / n) + " left" : "";
    String what = o.reused() && o.completed() ? "reused   " : String.format("%-9s", o.status());
    say("  " + what + " " + o.name() + " (" + seconds(o.durationMs()) + ")"
        + (o.error() != null ? ": " + o.error() : "") + "  [" + n + "/" + total + " steps, " + seconds(elapsed) + eta + "]");
  }

  @Override
  public void stepOutput(String step, String line) {
    if (!line.startsWith("##trainyard[")) {
      say("  " + step + " | " + line);
    }
  }

  private volatile long lastBatchLine;

  @Override
  public void batchProgress(String step, int done, int failed, int total, double itemsPerSecond, long etaMillis) {
    long now = System.currentTimeMillis();
    boolean last = done + failed == total;
    if (!last && now - lastBatchLine < 1000) {
      return;
    }
    lastBatchLine = now;
    int width = 20;
    int filled = total == 0 ? width : (int) ((long) (done + failed) * width / total);
    say(String.format("  %-9s %s [%s%s] %d/%d mini-batches%s, %.1f items/s%s", "progress", step, "#".repeat(filled),
        ".".repeat(width - filled), done, total, failed > 0 ? ", " + failed + " failed" : "", itemsPerSecond,
        last ? "" : ", about " + seconds(etaMillis) + " left"));
  }

  @Override
  public void note(String message) {
    say("note: " + message);
  }

  private void say(String line) {
    if (!quiet) {
      synchronized (err) {
        err.println(line);
      }
    }
  }

  static String seconds(long ms) {
    return ms < 10_000 ? String.format("%.1f s", ms / 1000.0) : (ms / 1000) + " s";
  }
}
