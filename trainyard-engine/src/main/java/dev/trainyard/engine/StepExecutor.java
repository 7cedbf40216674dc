package dev.trainyard.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The executor SPI: runs one attempt of one command step somewhere. The local executor runs it
 * as a process on this machine; other executors (a Spark cluster) implement the same contract.
 */
public interface StepExecutor {

  /**
   * One attempt to run.
   *
   * @param command the text for {@code bash -c}, bindings already substituted and quoted
   * @param cwd the working folder (the code snapshot, or an empty folder)
   * @param timeoutSeconds null for no limit
   * @param log where the attempt's stdout and stderr go
   */
  record Task(String runId, String step, int attempt, String command, Path cwd, Map<String, String> env,
      Long timeoutSeconds, Path log) {}

  /** How an attempt ended. */
  record Result(int exitCode, boolean timedOut, boolean canceled) {
    public boolean succeeded() {
      return exitCode == 0 && !timedOut && !canceled;
    }
  }

  /** Receives what an attempt does while it runs. */
  interface Sink {
    /**
     * The attempt's process (group) id, recorded so a later resume can end it. When this throws,
     * the executor ends the process and {@code run} throws the same exception.
     */
    void started(long pid) throws IOException;

    /** One line of output. */
    void line(String line);
  }

  Result run(Task task, Sink sink) throws IOException, InterruptedException;

  /** Ends every running attempt (Ctrl-C). */
  void cancelAll();
}
