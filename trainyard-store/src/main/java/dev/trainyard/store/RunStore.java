package dev.trainyard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs, step runs and attempts: creating them and moving them through their states. */
public final class RunStore {
  private final Db db;

  RunStore(Db db) {
    this.db = db;
  }

  /** What a new run starts with. */
  public record NewRun(
      String id, String experiment, String pipeline, String specFile, String specSha256, String overrides,
      long seed, long pid, String host, List<String> steps, Map<String, String> tags, Map<String, String> params) {}

  /** Records a new run, its pending step runs, tags and params in one transaction. */
  public void create(NewRun r) throws SQLException {
    long now = System.currentTimeMillis();
    db.tx(c -> {
      long exp = experimentId(c, r.experiment(), now);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO runs (id, experiment_id, pipeline, spec_file,"
          + " spec_sha256, overrides, status, seed, created_at, owner_pid, owner_host) VALUES (?,?,?,?,?,?,'running',?,?,?,?)")) {
        p.setString(1, r.id());
        p.setLong(2, exp);
        p.setString(3, r.pipeline());
        p.setString(4, r.specFile());
        p.setString(5, r.specSha256());
        p.setString(6, r.overrides());
        p.setLong(7, r.seed());
        p.setLong(8, now);
        p.setLong(9, r.pid());
        p.setString(10, r.host());
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO step_runs (run_id, name, status) VALUES (?,?,'pending')")) {
        for (String s : r.steps()) {
          p.setString(1, r.id());
          p.setString(2, s);
          p.addBatch();
        }
        p.executeBatch();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO tags (run_id, key, value) VALUES (?,?,?)")) {
        for (var e : r.tags().entrySet()) {
          p.setString(1, r.id());
          p.setString(2, e.getKey());
          p.setString(3, e.getValue());
          p.addBatch();
        }
        p.executeBatch();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO params (run_id, key, value) VALUES (?,?,?)")) {
        for (var e : r.params().entrySet()) {
          p.setString(1, r.id());
          p.setString(2, e.getKey());
          p.setString(3, e.getValue());
          p.addBatch();
        }
        p.executeBatch();
      }
      return null;
    });
  }

  private static long experimentId(Connection c, String name, long now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO experiments (name, created_at) VALUES (?,?)")) {
      p.setString(1, name);
      p.setLong(2, now);
      p.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement("SELECT id FROM experiments WHERE name = ?")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static final String RUN_COLUMNS = "r.id, e.name, r.pipeline, r.spec_file, r.spec_sha256, r.overrides,"
      + " r.status, r.seed, r.created_at, r.ended_at, r.owner_pid, r.owner_host, r.version"
      + " FROM runs r JOIN experiments e ON e.id = r.experiment_id";

  private static RunRecord run(ResultSet rs) throws SQLException {
    return new RunRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9), Jdbc.longOrNull(rs, 10),
        Jdbc.longOrNull(rs, 11), rs.getString(12), rs.getInt(13));
  }

  public RunRecord find(String runId) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + RUN_COLUMNS + " WHERE r.id = ?")) {
        p.setString(1, runId);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? run(rs) : null;
        }
      }
    });
  }

  /** Runs, newest first, optionally filtered by experiment and status. */
  public List<RunRecord> list(String experiment, String status, int limit) throws SQLException {
    return list(experiment, status, Map.of(), limit);
  }

  /** As above, also keeping only runs that carry every one of {@code tags} (e.g. the git branch). */
  public List<RunRecord> list(String experiment, String status, Map<String, String> tags, int limit)
      throws SQLException {
    return db.read(c -> {
      StringBuilder sql = new StringBuilder("SELECT " + RUN_COLUMNS + " WHERE 1=1");
      List<String> args = new ArrayList<>();
      if (experiment != null) {
        sql.append(" AND e.name = ?");
        args.add(experiment);
      }
      if (status != null) {
        sql.append(" AND r.status = ?");
        args.add(status);
      }
      for (var t : tags.entrySet()) {
        sql.append(" AND EXISTS (SELECT 1 FROM tags t WHERE t.run_id = r.id AND t.key = ? AND t.value = ?)");
        args.add(t.getKey());
        args.add(t.getValue());
      }
      sql.append(" ORDER BY r.created_at DESC, r.id DESC LIMIT ").append(limit);
      try (PreparedStatement p = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          p.setString(i + 1, args.get(i));
        }
        List<RunRecord> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(run(rs));
          }
        }
        return out;
      }
    });
  }

  /** Sets a run's status; {@code expectedVersion} guards against a concurrent change. */
  public void setRunStatus(String runId, String status, int expectedVersion, Long ownerPid) throws SQLException {
    db.tx(c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE runs SET status = ?, ended_at = ?, owner_pid = ?,"
          + " version = version + 1 WHERE id = ? AND version = ?")) {
        p.setString(1, status);
        if (status.equals("running")) {
          p.setNull(2, Types.INTEGER);
        } else {
          p.setLong(2, System.currentTimeMillis());
        }
        Jdbc.setLong(p, 3, ownerPid);
        p.setString(4, runId);
        p.setInt(5, expectedVersion);
        if (p.executeUpdate() != 1) {
          throw new StaleUpdateException("run " + runId);
        }
      }
      return null;
    });
  }

  static final String STEP_COLUMNS = "id, run_id, name, status, cache_key, key_parts, reused_from, seed, started_at,"
      + " ended_at, duration_ms, error, checkpoint, version FROM step_runs";

  static StepRunRecord step(ResultSet rs) throws SQLException {
    return new StepRunRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), Jdbc.longOrNull(rs, 7), Jdbc.longOrNull(rs, 8), Jdbc.longOrNull(rs, 9),
        Jdbc.longOrNull(rs, 10), Jdbc.longOrNull(rs, 11), rs.getString(12), rs.getString(13), rs.getInt(14));
  }

  public List<StepRunRecord> steps(String runId) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + STEP_COLUMNS + " WHERE run_id = ? ORDER BY id")) {
        p.setString(1, runId);
        List<StepRunRecord> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(step(rs));
          }
        }
        return out;
      }
    });
  }

  public StepRunRecord stepById(long id) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + STEP_COLUMNS + " WHERE id = ?")) {
        p.setLong(1, id);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? step(rs) : null;
        }
      }
    });
  }

  /**
   * How a step run starts: the cache key it runs under, and the version it was read at (the
   * update is refused if another process moved the row since).
   */
  public record StepStart(int expectedVersion, String cacheKey, String keyParts, long seed) {}

  /** How an attempt ended; {@code exitCode} is null when it did not exit by itself. */
  public record AttemptEnd(long attemptId, String status, Integer exitCode, String logSha256, String error) {}

  /** Moves a step run to {@code running} with its cache key, checking nobody else moved it. */
  public void startStep(long stepRunId, int expectedVersion, String cacheKey, String keyParts, long seed)
      throws SQLException {
    StepStart start = new StepStart(expectedVersion, cacheKey, keyParts, seed);
    db.tx(c -> {
      StepSql.startStep(db, stepRunId, start);
      return null;
    });
  }

  /** Ends a step run without outputs: failed, skipped or canceled. */
  public void endStep(long stepRunId, String status, String error) throws SQLException {
    db.tx(c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE step_runs SET status = ?, error = ?, ended_at = ?,"
          + " duration_ms = ? - coalesce(started_at, ?), version = version + 1 WHERE id = ?")) {
        long now = System.currentTimeMillis();
        p.setString(1, status);
        p.setString(2, error);
        p.setLong(3, now);
        p.setLong(4, now);
        p.setLong(5, now);
        p.setLong(6, stepRunId);
        p.executeUpdate();
      }
      return null;
    });
  }

  /** Puts a step run back to pending (resume of a step that did not finish). */
  public void resetStep(long stepRunId) throws SQLException {
    db.tx(c -> {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE attempts SET status = 'abandoned', ended_at = " + System.currentTimeMillis()
            + " WHERE step_run_id = " + stepRunId + " AND status = 'running'");
        s.executeUpdate("UPDATE step_runs SET status = 'pending', error = NULL, started_at = NULL, ended_at = NULL,"
            + " duration_ms = NULL, version = version + 1 WHERE id = " + stepRunId);
      }
      return null;
    });
  }

  public long startAttempt(long stepRunId, int number) throws SQLException {
    return startAttempt(stepRunId, null, number, null);
  }

  /**
   * Records an attempt whose process is already running, with its pid (so that a resume after
   * this process is killed can end it) and, for a step's first attempt, the step run's start: one
   * transaction, so a step costs one write as it starts.
   *
   * @param start null when the step run was started earlier (a retry)
   */
  public long startAttempt(long stepRunId, StepStart start, int number, Long pid) throws SQLException {
    return db.tx(c -> {
      if (start != null) {
        StepSql.startStep(db, stepRunId, start);
      }
      return StepSql.insertAttempt(db, stepRunId, number, pid);
    });
  }

  public void attemptPid(long attemptId, long pid) throws SQLException {
    db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE attempts SET pid = ? WHERE id = ?")) {
        p.setLong(1, pid);
        p.setLong(2, attemptId);
        return p.executeUpdate();
      }
    });
  }

  public void endAttempt(long attemptId, String status, Integer exitCode, String logSha, String error) throws SQLException {
    AttemptEnd end = new AttemptEnd(attemptId, status, exitCode, logSha, error);
    db.tx(c -> {
      StepSql.endAttempt(db, end);
      return null;
    });
  }

  public List<AttemptRecord> attempts(long stepRunId) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT id, step_run_id, number, status, pid, exit_code,"
          + " started_at, ended_at, log_sha256, error FROM attempts WHERE step_run_id = ? ORDER BY number")) {
        p.setLong(1, stepRunId);
        List<AttemptRecord> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            Integer exit = rs.getObject(6) == null ? null : rs.getInt(6);
            out.add(new AttemptRecord(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                Jdbc.longOrNull(rs, 5), exit, rs.getLong(7), Jdbc.longOrNull(rs, 8), rs.getString(9), rs.getString(10)));
          }
        }
        return out;
      }
    });
  }
}
