package dev.trainyard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Checkpoints of parallel steps: the mini-batches each step run has finished. */
public final class BatchStore {
  private final Db db;

  BatchStore(Db db) {
    this.db = db;
  }

  /** Records a finished mini-batch (replacing an earlier failed try of the same one). */
  public void record(BatchRecord b) throws SQLException {
    db.tx(c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO mini_batches (step_run_id, idx, status,"
          + " items, attempts, outputs, rows_sha256, log_sha256, error, ended_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
        p.setLong(1, b.stepRunId());
        p.setInt(2, b.index());
        p.setString(3, b.status());
        p.setInt(4, b.items());
        p.setInt(5, b.attempts());
        p.setString(6, b.outputs());
        p.setString(7, b.rowsSha256());
        p.setString(8, b.logSha256());
        p.setString(9, b.error());
        p.setLong(10, System.currentTimeMillis());
        p.executeUpdate();
      }
      return null;
    });
  }

  public List<BatchRecord> list(long stepRunId) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT step_run_id, idx, status, items, attempts, outputs,"
          + " rows_sha256, log_sha256, error FROM mini_batches WHERE step_run_id = ? ORDER BY idx")) {
        p.setLong(1, stepRunId);
        List<BatchRecord> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(new BatchRecord(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
          }
        }
        return out;
      }
    });
  }

  /** Forgets a step run's mini-batches (its inputs changed, so they no longer apply). */
  public void clear(long stepRunId) throws SQLException {
    db.tx(c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM mini_batches WHERE step_run_id = ?")) {
        p.setLong(1, stepRunId);
        p.executeUpdate();
      }
      return null;
    });
  }
}
