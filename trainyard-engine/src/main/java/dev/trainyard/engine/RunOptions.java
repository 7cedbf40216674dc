package dev.trainyard.engine;

/**
 * How to run: concurrency (steps at once), seed, reuse and retry policy, and what a rerun pins.
 *
 * @param retries extra attempts for a failed command step, with exponential backoff
 * @param backoffMillis the first retry's delay; each later one doubles it
 * @param pins code snapshots and local inputs held to a past run's record ({@link Pins#NONE} normally)
 */
public record RunOptions(int concurrency, long seed, boolean forceRerun, int retries, long backoffMillis,
    String experiment, Pins pins) {
  public RunOptions {
    pins = pins == null ? Pins.NONE : pins;
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative");
    }
  }

  /** Options with nothing pinned (every run but a rerun). */
  public RunOptions(int concurrency, long seed, boolean forceRerun, int retries, long backoffMillis, String experiment) {
    this(concurrency, seed, forceRerun, retries, backoffMillis, experiment, Pins.NONE);
  }

  /** These options with {@code pins}. */
  public RunOptions withPins(Pins pins) {
    return new RunOptions(concurrency, seed, forceRerun, retries, backoffMillis, experiment, pins);
  }

  public static RunOptions defaults() {
    return new RunOptions(Runtime.getRuntime().availableProcessors(), 0, false, 0, 1000, null);
  }
}
