package dev.trainyard.cli;

import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.spec.plan.Planner;
import dev.trainyard.spec.registry.Registry;
import java.nio.file.Path;

/**
 * Start-up overlap: while picocli builds its command model on the main thread (most of the
 * CLI's start-up, spent generating annotation proxies and verifying picocli's old-format
 * bytecode), a second thread loads, links and first runs the YAML reader, loader and planner on a
 * small built-in pipeline, so that the command's real work starts warm. On a machine with more
 * than one core this takes the loader's cold start off the critical path.
 */
final class Warmup {
  private static final String PIPELINE = """
      type: pipeline
      inputs:
        n: 1
        data:
          type: uri_folder
          path: .
      jobs:
        a:
          command: echo ${{inputs.x}} > ${{outputs.o}}/x
          inputs:
            x: ${{parent.inputs.n}}
          outputs:
            o:
        b:
          command: >-
            cat ${{inputs.i}}/x $[[--d ${{inputs.d}}]]
          inputs:
            i: ${{parent.jobs.a.outputs.o}}
            d: ${{parent.inputs.data}}
      """;

  private Warmup() {}

  /** Starts the warm-up when the command will load specs; it never affects the command's result. */
  static void startFor(String[] args) {
    if (args.length > 0 && args[0].equals("lineage")) {
      startSqliteConfig();
      return;
    }
    if (args.length == 0 || !(args[0].equals("validate") || args[0].equals("plan") || args[0].equals("run")
        || args[0].equals("resume")) || Runtime.getRuntime().availableProcessors() < 2
        || System.getenv("TRAINYARD_NO_WARMUP") != null) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        SpecLoader.Result r = new SpecLoader().loadText(Path.of("warmup.yml"), PIPELINE);
        if (r.document() instanceof PipelineJob job) {
          Planner.plan(job, java.util.Map.of(), Registry.NONE);
        }
      } catch (RuntimeException | Error ignored) {
        // a warm-up has no result to lose
      }
    }, "trainyard-warmup");
    t.setDaemon(true);
    t.start();
  }

  /**
   * For commands that only query the workspace. Opening it is a chain on the main thread: the SQLite
   * driver's logging, its version (read from its jar), its native library, its connection settings
   * (which build a date format from locale and time-zone data), the connection. This thread does the
   * parts that depend on nothing else ahead of the main thread: building the date format (cached by
   * the driver), reading the version, loading the library the launcher names (a later load of the
   * same file is a no-op). A named class rather than a lambda: the first lambda of a process costs
   * milliseconds of method handle set-up, on the main thread, before the warm-up could start.
   */
  private static void startSqliteConfig() {
    if (Runtime.getRuntime().availableProcessors() < 2 || System.getenv("TRAINYARD_NO_WARMUP") != null) {
      return;
    }
    Thread t = new SqliteConfig();
    t.setDaemon(true);
    t.start();
  }

  private static final class SqliteConfig extends Thread {
    SqliteConfig() {
      super("trainyard-warmup");
    }

    @Override
    public void run() {
      // First the date format: the main thread builds its own if it gets there first (the driver's
      // cache does not wait), while the version and the library it would wait for.
      try {
        org.sqlite.date.FastDateFormat.getInstance(org.sqlite.SQLiteConfig.DEFAULT_DATE_STRING_FORMAT);
      } catch (RuntimeException | Error ignored) {
        // a warm-up has no result to lose
      }
      try {
        // The driver's holder of its version: initialising it reads the version, nothing else.
        Class.forName("org.sqlite.SQLiteJDBCLoader$VersionHolder", true, Warmup.class.getClassLoader());
      } catch (ClassNotFoundException | RuntimeException | LinkageError ignored) {
        // another driver version: the main thread reads it
      }
      String dir = System.getProperty("org.sqlite.lib.path");
      String name = System.getProperty("org.sqlite.lib.name");
      if (dir != null && name != null) {
        try {
          System.load(new java.io.File(dir, name).getAbsolutePath()); // as the driver names it
        } catch (RuntimeException | LinkageError ignored) {
          // the driver loads it, or says why it cannot
        }
      }
    }
  }
}
