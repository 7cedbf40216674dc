package dev.trainyard.cli;

import dev.trainyard.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Opens an existing workspace on a second thread while the pipeline is loaded and planned:
 * opening costs ~100-200 ms cold (SQLite's native library, the driver's classes, the schema
 * check), about as long as planning, so a re-run starts sooner on a machine with two cores. A
 * workspace that does not exist yet is made only after the pipeline proved good, so that bad
 * input changes nothing.
 */
final class EarlyWorkspace {
  private final Path dir;
  private final FutureTask<Workspace> opening;

  private EarlyWorkspace(Path dir, FutureTask<Workspace> opening) {
    this.dir = dir;
    this.opening = opening;
  }

  static EarlyWorkspace start(Path dir) {
    if (!Files.isRegularFile(dir.resolve("trainyard.db")) || Runtime.getRuntime().availableProcessors() < 2) {
      return new EarlyWorkspace(dir, null);
    }
    FutureTask<Workspace> task = new FutureTask<>(() -> Workspace.open(dir));
    Thread t = new Thread(task, "trainyard-open");
    t.setDaemon(true);
    t.start();
    return new EarlyWorkspace(dir, task);
  }

  /** The open workspace (opened now if it was not opened early). */
  Workspace get() throws Exception {
    if (opening == null) {
      return Workspace.open(dir);
    }
    try {
      return opening.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }

  /** Not needed after all: closes it once opened. */
  void discard() {
    if (opening != null) {
      try {
        opening.get().close();
      } catch (Exception ignored) {
        // nothing was written; the process ends soon
      }
    }
  }
}
