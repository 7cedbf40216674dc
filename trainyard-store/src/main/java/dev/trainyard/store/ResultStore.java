package dev.trainyard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What steps produce and consume: artifacts, lineage edges, metrics and params. A step run's
 * completion — its outputs, inputs, metrics and status — is one transaction, written only after
 * the output bytes are durable in the object store.
 */
public final class ResultStore {
  private final Db db;

  ResultStore(Db db) {
    this.db = db;
  }

  /**
   * Everything a finished step run records.
   *
   * @param inputs input name to artifact (sha256) or, for parameters, the value
   * @param reusedFrom the step run whose outputs were reused, or null when the step ran
   */
  public record Completion(
      long stepRunId, String runId, Map<String, StoredObject> outputs, Map<String, StoredObject> inputArtifacts,
      Map<String, String> inputValues, List<MetricRecord> metrics, Map<String, String> params, Long reusedFrom) {}

  public void complete(Completion done) throws SQLException {
    complete(done, null, null);
  }

  /**
   * Records a completion in one transaction with, where given, the step run's start (a reused
   * step starts and completes at once) and the end of its last attempt: a step costs one write
   * as it ends.
   */
  public void complete(Completion done, RunStore.StepStart start, RunStore.AttemptEnd attempt) throws SQLException {
    long now = System.currentTimeMillis();
    db.tx(c -> {
      if (start != null) {
        StepSql.startStep(db, done.stepRunId(), start);
      }
      if (attempt != null) {
        StepSql.endAttempt(db, attempt);
      }
      // Kept prepared (Db.cached): every step runs these.
      PreparedStatement a = db.cached("INSERT OR IGNORE INTO artifacts (sha256, kind, size, files, created_at)"
          + " VALUES (?,?,?,?,?)");
      PreparedStatement io = db.cached("INSERT OR REPLACE INTO step_io (step_run_id, direction, name,"
          + " artifact_sha256, value) VALUES (?,?,?,?,?)");
      for (var e : done.outputs().entrySet()) {
        artifact(a, e.getValue(), now);
        edge(io, done.stepRunId(), "out", e.getKey(), e.getValue().sha256(), null);
      }
      for (var e : done.inputArtifacts().entrySet()) {
        artifact(a, e.getValue(), now);
        edge(io, done.stepRunId(), "in", e.getKey(), e.getValue().sha256(), null);
      }
      for (var e : done.inputValues().entrySet()) {
        edge(io, done.stepRunId(), "in", e.getKey(), null, e.getValue());
      }
      a.executeBatch();
      io.executeBatch();
      if (!done.metrics().isEmpty()) {
        PreparedStatement m = db.cached("INSERT INTO metrics (run_id, step_run_id, key, value, step, ts)"
            + " VALUES (?,?,?,?,?,?)");
        for (MetricRecord r : done.metrics()) {
          m.setString(1, done.runId());
          m.setLong(2, done.stepRunId());
          m.setString(3, r.key());
          m.setDouble(4, r.value());
          m.setLong(5, r.step());
          m.setLong(6, r.timestamp());
          m.addBatch();
        }
        m.executeBatch();
      }
      if (!done.params().isEmpty()) {
        PreparedStatement p = db.cached("INSERT INTO params (run_id, step_run_id, key, value) VALUES (?,?,?,?)");
        for (var e : done.params().entrySet()) {
          p.setString(1, done.runId());
          p.setLong(2, done.stepRunId());
          p.setString(3, e.getKey());
          p.setString(4, e.getValue());
          p.addBatch();
        }
        p.executeBatch();
      }
      PreparedStatement s = db.cached("UPDATE step_runs SET status = 'completed', reused_from = ?,"
          + " ended_at = ?, duration_ms = ? - coalesce(started_at, ?), error = NULL, version = version + 1 WHERE id = ?");
      Jdbc.setLong(s, 1, done.reusedFrom());
      s.setLong(2, now);
      s.setLong(3, now);
      s.setLong(4, now);
      s.setLong(5, done.stepRunId());
      s.executeUpdate();
      return null;
    });
  }

  private static void artifact(PreparedStatement a, StoredObject o, long now) throws SQLException {
    a.setString(1, o.sha256());
    a.setString(2, o.kind().name());
    a.setLong(3, o.size());
    a.setLong(4, o.files());
    a.setLong(5, now);
    a.addBatch();
  }

  private static void edge(PreparedStatement io, long step, String dir, String name, String sha, String value)
      throws SQLException {
    io.setLong(1, step);
    io.setString(2, dir);
    io.setString(3, name);
    io.setString(4, sha);
    io.setString(5, value);
    io.addBatch();
  }

  /** The most recent completed step run with this cache key, or null. */
  public StepRunRecord reusable(String cacheKey, String excludingRun) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + RunStore.STEP_COLUMNS + " WHERE cache_key = ? AND"
          + " status = 'completed' AND run_id <> ? ORDER BY ended_at DESC, id DESC LIMIT 1")) {
        p.setString(1, cacheKey);
        p.setString(2, excludingRun == null ? "" : excludingRun);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? RunStore.step(rs) : null;
        }
      }
    });
  }

  /** The latest step runs with this name in runs of this pipeline (newest first), for explanations. */
  public List<StepRunRecord> history(String pipeline, String stepName, int limit) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT s.id, s.run_id, s.name, s.status, s.cache_key, s.key_parts,"
          + " s.reused_from, s.seed, s.started_at, s.ended_at, s.duration_ms, s.error, s.checkpoint, s.version"
          + " FROM step_runs s JOIN runs r ON r.id = s.run_id WHERE r.pipeline = ? AND s.name = ?"
          + " AND s.key_parts IS NOT NULL ORDER BY s.id DESC LIMIT " + limit)) {
        p.setString(1, pipeline);
        p.setString(2, stepName);
        List<StepRunRecord> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(RunStore.step(rs));
          }
        }
        return out;
      }
    });
  }

  /** A step run's lineage edges in one direction, by name. */
  public Map<String, IoRecord> io(long stepRunId, String direction) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT name, artifact_sha256, value FROM step_io"
          + " WHERE step_run_id = ? AND direction = ? ORDER BY name")) {
        p.setLong(1, stepRunId);
        p.setString(2, direction);
        Map<String, IoRecord> out = new LinkedHashMap<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), new IoRecord(stepRunId, direction, rs.getString(1), rs.getString(2), rs.getString(3)));
          }
        }
        return out;
      }
    });
  }

  public StoredObject artifact(String sha256) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT kind, size, files FROM artifacts WHERE sha256 = ?")) {
        p.setString(1, sha256);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? new StoredObject(sha256, StoredObject.Kind.valueOf(rs.getString(1)), rs.getLong(2),
              rs.getLong(3)) : null;
        }
      }
    });
  }

  public List<MetricRecord> metrics(String runId) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT key, value, step, ts, step_run_id FROM metrics"
          + " WHERE run_id = ? ORDER BY rowid")) {
        p.setString(1, runId);
        List<MetricRecord> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(new MetricRecord(rs.getString(1), rs.getDouble(2), rs.getLong(3), rs.getLong(4), Jdbc.longOrNull(rs, 5)));
          }
        }
        return out;
      }
    });
  }

  /** Params of a run: run-level ones and, prefixed with the step name, step-level ones. */
  public Map<String, String> params(String runId) throws SQLException {
    return keyValues("SELECT coalesce(s.name || '.', '') || p.key, p.value FROM params p LEFT JOIN step_runs s"
        + " ON s.id = p.step_run_id WHERE p.run_id = ? ORDER BY p.rowid", runId);
  }

  public Map<String, String> tags(String runId) throws SQLException {
    return keyValues("SELECT key, value FROM tags WHERE run_id = ? ORDER BY key", runId);
  }

  private Map<String, String> keyValues(String sql, String runId) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, runId);
        Map<String, String> out = new LinkedHashMap<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getString(2));
          }
        }
        return out;
      }
    });
  }
}
