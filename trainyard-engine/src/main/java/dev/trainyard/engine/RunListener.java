package dev.trainyard.engine;

/** Hears what a run does, for live progress on a terminal; every method may be called from any thread. */
public interface RunListener {
  default void runStarted(String runId, int steps) {}

  default void stepStarted(String step, int attempt) {}

  default void stepOutput(String step, String line) {}

  default void stepFinished(StepOutcome outcome) {}

  default void note(String message) {}

  RunListener NONE = new RunListener() {};
}
