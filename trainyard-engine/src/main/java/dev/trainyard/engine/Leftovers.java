package dev.trainyard.engine;

import dev.trainyard.store.AttemptRecord;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.Workspace;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Ends the processes of attempts left running by a {@code trainyard} process that was killed: each
 * attempt leads its own process group, so the whole group goes. A pid is only trusted when its
 * process started after the attempt did (pids are reused).
 */
final class Leftovers {
  private Leftovers() {}

  /** Mini-batches of a parallel step record their process group in {@code batches/N/pid}. */
  private static void endMiniBatches(java.nio.file.Path batches) {
    if (!java.nio.file.Files.isDirectory(batches)) {
      return;
    }
    try (var dirs = java.nio.file.Files.list(batches)) {
      for (java.nio.file.Path d : dirs.toList()) {
        java.nio.file.Path pidFile = d.resolve("pid");
        if (java.nio.file.Files.isRegularFile(pidFile)) {
          long pid = Long.parseLong(java.nio.file.Files.readString(pidFile).strip());
          long written = java.nio.file.Files.getLastModifiedTime(pidFile).toMillis();
          ProcessHandle.of(pid).ifPresent(p -> {
            Instant started = p.info().startInstant().orElse(Instant.EPOCH);
            if (!started.isBefore(Instant.ofEpochMilli(written - 5000))) {
              LocalExecutor.killGroup(pid);
            }
          });
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      // nothing more can be found; a leftover mini-batch only wastes CPU, its output is discarded
    }
  }

  static void end(Workspace ws, StepRunRecord step) throws SQLException {
    endMiniBatches(ws.workDir(step.runId(), step.name()).resolve("batches"));
    endMiniBatches(ws.workDir(step.runId(), step.name()).resolve("workers"));
    for (AttemptRecord a : ws.runs().attempts(step.id())) {
      if (!a.status().equals("running") || a.pid() == null) {
        continue;
      }
      ProcessHandle.of(a.pid()).ifPresent(p -> {
        Instant started = p.info().startInstant().orElse(Instant.EPOCH);
        // Start times are rounded by the OS; allow two seconds of slack before the attempt began.
        if (!started.isBefore(Instant.ofEpochMilli(a.startedAt() - 2000))) {
          LocalExecutor.killGroup(a.pid());
        }
      });
    }
  }
}
