package dev.trainyard.sdk;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ParallelTask} is told: its program arguments and, while a mini-batch runs, where
 * that mini-batch's outputs go.
 *
 * @param args the rendered {@code program_arguments}, split like a shell would
 * @param outputs output name to this mini-batch's folder (empty during {@code init})
 * @param miniBatchIndex the mini-batch's index, -1 during {@code init}
 * @param seed the step's seed ({@code TRAINYARD_SEED})
 */
public record TaskContext(List<String> args, Map<String, Path> outputs, int miniBatchIndex, long seed) {

  public TaskContext {
    args = List.copyOf(args);
    outputs = Map.copyOf(outputs);
  }

  /** The value after {@code --name} (or {@code --name=value}) in the arguments, or null. */
  public String arg(String name) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals(name) && i + 1 < args.size()) {
        return args.get(i + 1);
      }
      if (a.startsWith(name + "=")) {
        return a.substring(name.length() + 1);
      }
    }
    return null;
  }

  /** Like {@link #arg(String)}, with a default. */
  public String arg(String name, String fallback) {
    String v = arg(name);
    return v == null ? fallback : v;
  }

  /** This mini-batch's folder for output {@code name}. */
  public Path output(String name) {
    Path p = outputs.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no output '" + name + "' (outputs: " + outputs.keySet() + ")");
    }
    return p;
  }
}
