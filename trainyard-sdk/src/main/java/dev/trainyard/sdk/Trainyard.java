package dev.trainyard.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;

/**
 * What Java step code uses to talk to Trainyard: the run's context ({@link #runId()}, {@link
 * #step()}, {@link #seed()}) and metric and parameter logging. Outside a Trainyard run the
 * logging calls do nothing, so the same code runs in a notebook or a unit test.
 *
 * <pre>{@code
 * Trainyard.logParam("learning_rate", 0.1);
 * for (int epoch = 1; epoch <= 10; epoch++) {
 *   Trainyard.logMetric("loss", loss, epoch);
 * }
 * }</pre>
 */
public final class Trainyard {
  private final Map<String, String> env;

  private Trainyard(Map<String, String> env) {
    this.env = env;
  }

  private static final Trainyard CURRENT = new Trainyard(System.getenv());

  /** A view over a given environment (for tests and for launchers that pass it explicitly). */
  public static Trainyard of(Map<String, String> env) {
    return new Trainyard(Map.copyOf(env));
  }

  /** The run this process belongs to, or null outside Trainyard. */
  public static String runId() {
    return CURRENT.env.get("TRAINYARD_RUN_ID");
  }

  /** The step this process runs, or null outside Trainyard. */
  public static String step() {
    return CURRENT.env.get("TRAINYARD_STEP");
  }

  /** The step's seed (derived from the run's seed and the step name), or {@code fallback} outside Trainyard. */
  public static long seed(long fallback) {
    String s = CURRENT.env.get("TRAINYARD_SEED");
    return s == null ? fallback : Long.parseLong(s);
  }

  public static void logMetric(String name, double value) {
    CURRENT.metric(name, value, 0);
  }

  public static void logMetric(String name, double value, long step) {
    CURRENT.metric(name, value, step);
  }

  public static void logParam(String name, Object value) {
    CURRENT.param(name, value);
  }

  /** Logs a metric value at a training step through this view. */
  public void metric(String name, double value, long step) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("metric " + name + " is " + value + "; only finite values can be logged");
    }
    append("{\"metric\": " + quote(name) + ", \"value\": " + String.format(Locale.ROOT, "%s", value)
        + ", \"step\": " + step + ", \"timestamp\": " + System.currentTimeMillis() + "}");
  }

  /** Logs a parameter through this view. */
  public void param(String name, Object value) {
    append("{\"param\": " + quote(name) + ", \"value\": " + quote(String.valueOf(value)) + "}");
  }

  private void append(String line) {
    String file = env.get("TRAINYARD_METRICS");
    if (file == null) {
      return;
    }
    // One write per line, opened in append mode: lines from several threads do not interleave.
    synchronized (Trainyard.class) {
      try {
        Files.write(Path.of(file), (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
            StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write to $TRAINYARD_METRICS (" + file + ")", e);
      }
    }
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
