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

  static void end(Workspace ws, StepRunRecord step) throws SQLException {
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
