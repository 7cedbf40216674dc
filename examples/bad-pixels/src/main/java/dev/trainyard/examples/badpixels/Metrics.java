package dev.trainyard.examples.badpixels;

import dev.trainyard.sdk.Trainyard;
import java.util.Locale;

/**
 * Logs metrics: through {@link Trainyard#logMetric} when the step has a metrics file (command
 * steps), else as {@code ##trainyard[metric ...]} lines on standard output (mini-batches).
 */
final class Metrics {
  private Metrics() {}

  static void log(String name, double value) {
    if (System.getenv("TRAINYARD_METRICS") != null) {
      Trainyard.logMetric(name, value);
    } else {
      System.out.println(String.format(Locale.ROOT, "##trainyard[metric name=%s value=%.6g]", name, value));
    }
  }
}
