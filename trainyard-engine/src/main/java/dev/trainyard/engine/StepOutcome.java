package dev.trainyard.engine;

import dev.trainyard.store.StoredObject;
import java.util.Map;

/**
 * How one step of a run ended.
 *
 * @param status completed, failed, skipped or canceled
 * @param reused true when an earlier step run's outputs were reused instead of running
 * @param metrics the last value of each metric the step logged
 */
public record StepOutcome(
    String name, long stepRunId, String status, boolean reused, long durationMs, Map<String, StoredObject> outputs,
    Map<String, Double> metrics, String error) {

  public boolean completed() {
    return status.equals("completed");
  }
}
