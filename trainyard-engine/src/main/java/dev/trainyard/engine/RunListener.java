package dev.trainyard.engine;

/** Hears what a run does, for live progress on a terminal; every method may be called from any thread. */
public interface RunListener {
  default void runStarted(String runId, int steps) {}

  default void stepStarted(String step, int attempt) {}

  default void stepOutput(String step, String line) {}

  default void stepFinished(StepOutcome outcome) {}

  default void note(String message) {}

  /** A parallel step's progress: mini-batches done and failed of the total, items per second, time left. */
  default void batchProgress(String step, int done, int failed, int total, double itemsPerSecond, long etaMillis) {}

  RunListener NONE = new RunListener() {};
}
