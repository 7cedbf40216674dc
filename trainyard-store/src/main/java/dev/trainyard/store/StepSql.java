package dev.trainyard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * The statements that move step runs and attempts, for composing into one transaction. Every step
 * runs them, so they are kept prepared ({@link Db#cached}); they run inside the caller's
 * transaction.
 */
final class StepSql {
  private StepSql() {}

  static void startStep(Db db, long stepRunId, RunStore.StepStart s) throws SQLException {
    PreparedStatement p = db.cached("UPDATE step_runs SET status = 'running', cache_key = ?,"
        + " key_parts = ?, seed = ?, started_at = ?, error = NULL, version = version + 1 WHERE id = ? AND version = ?");
    p.setString(1, s.cacheKey());
    p.setString(2, s.keyParts());
    p.setLong(3, s.seed());
    p.setLong(4, System.currentTimeMillis());
    p.setLong(5, stepRunId);
    p.setInt(6, s.expectedVersion());
    if (p.executeUpdate() != 1) {
      throw new StaleUpdateException("step run " + stepRunId);
    }
  }

  static long insertAttempt(Db db, long stepRunId, int number, Long pid) throws SQLException {
    PreparedStatement p = db.cached("INSERT INTO attempts (step_run_id, number, status, started_at, pid)"
        + " VALUES (?,?,'running',?,?)", Statement.RETURN_GENERATED_KEYS);
    p.setLong(1, stepRunId);
    p.setInt(2, number);
    p.setLong(3, System.currentTimeMillis());
    Jdbc.setLong(p, 4, pid);
    p.executeUpdate();
    try (ResultSet k = p.getGeneratedKeys()) {
      k.next();
      return k.getLong(1);
    }
  }

  static void endAttempt(Db db, RunStore.AttemptEnd end) throws SQLException {
    PreparedStatement p = db.cached("UPDATE attempts SET status = ?, exit_code = ?, ended_at = ?,"
        + " log_sha256 = ?, error = ? WHERE id = ?");
    p.setString(1, end.status());
    if (end.exitCode() == null) {
      p.setNull(2, Types.INTEGER);
    } else {
      p.setInt(2, end.exitCode());
    }
    p.setLong(3, System.currentTimeMillis());
    p.setString(4, end.logSha256());
    p.setString(5, end.error());
    p.setLong(6, end.attemptId());
    p.executeUpdate();
  }
}
