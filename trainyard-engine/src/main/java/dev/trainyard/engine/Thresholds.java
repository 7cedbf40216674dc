package dev.trainyard.engine;

import dev.trainyard.spec.Component;
import dev.trainyard.store.BatchRecord;
import java.util.List;

/** Weighs a parallel step's failures against its thresholds; -1 ignores failures. */
final class Thresholds {
  private Thresholds() {}

  /** Null when the step may complete, else a report naming each failed mini-batch and its error. */
  static String check(Component.Parallel par, int total, List<BatchRecord> failed, int failedItems) {
    boolean tooManyBatches = par.miniBatchErrorThreshold() >= 0 && failed.size() > par.miniBatchErrorThreshold();
    boolean tooManyItems = par.errorThreshold() >= 0 && failedItems > par.errorThreshold();
    if (!tooManyBatches && !tooManyItems) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(failed.size()).append(" of ").append(total).append(" mini-batches failed (");
    sb.append(tooManyBatches ? "mini_batch_error_threshold " + par.miniBatchErrorThreshold()
        : "error_threshold " + par.errorThreshold() + ", " + failedItems + " items failed").append(")");
    for (BatchRecord b : failed) {
      sb.append("; mini-batch ").append(b.index()).append(": ").append(b.error());
    }
    return sb.toString();
  }
}
