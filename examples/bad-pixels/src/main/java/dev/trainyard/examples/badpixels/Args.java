package dev.trainyard.examples.badpixels;

import dev.trainyard.sdk.TaskContext;
import java.nio.file.Path;

/** Required arguments of a task, with an error naming the missing one. */
final class Args {
  private Args() {}

  static String need(TaskContext ctx, String name) {
    String v = ctx.arg(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing argument " + name + " (arguments: " + ctx.args() + ")");
    }
    return v;
  }

  static Path path(TaskContext ctx, String name) {
    return Path.of(need(ctx, name));
  }

  static int integer(TaskContext ctx, String name, int fallback) {
    String v = ctx.arg(name);
    try {
      return v == null ? fallback : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, not '" + v + "'");
    }
  }
}
