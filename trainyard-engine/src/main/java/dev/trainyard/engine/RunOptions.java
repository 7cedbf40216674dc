package dev.trainyard.engine;

/**
 * How to run: concurrency (steps at once), seed, reuse and retry policy.
 *
 * @param retries extra attempts for a failed command step, with exponential backoff
 * @param backoffMillis the first retry's delay; each later one doubles it
 */
public record RunOptions(int concurrency, long seed, boolean forceRerun, int retries, long backoffMillis,
    String experiment) {
  public RunOptions {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative");
    }
  }

  public static RunOptions defaults() {
    return new RunOptions(Runtime.getRuntime().availableProcessors(), 0, false, 0, 1000, null);
  }
}
