package dev.trainyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transactions and kept statements: what commits, what rolls back, and that nothing stays locked. */
class DbTest {
  @TempDir Path dir;

  private static final String INSERT = "INSERT INTO experiments (name, created_at) VALUES (?, 0)";

  private static long count(Db db, String name) throws SQLException {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM experiments WHERE name = ?")) {
        p.setString(1, name);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  private static void insert(Db db, String name) throws SQLException {
    PreparedStatement p = db.cached(INSERT);
    p.setString(1, name);
    p.executeUpdate();
  }

  @Test
  void aCommittedTransactionLeavesTheDatabaseFreeForAnotherWriter() throws Exception {
    Path file = dir.resolve("db.sqlite");
    try (Db a = Db.openSqlite(file); Db b = Db.openSqlite(file)) {
      a.tx(c -> {
        insert(a, "one");
        return null;
      });
      // b writes at once: a holds no transaction (and no write lock) after its commit.
      b.read(c -> {
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA busy_timeout = 0");
        }
        return null;
      });
      b.tx(c -> {
        insert(b, "two");
        return null;
      });
      assertThat(count(b, "one")).isEqualTo(1);
      assertThat(count(a, "two")).isEqualTo(1);
    }
  }

  @Test
  void aFailedTransactionIsRolledBackAndKeptStatementsStillWork() throws Exception {
    try (Db db = Db.openSqlite(dir.resolve("db.sqlite"))) {
      assertThatThrownBy(() -> db.tx(c -> {
        insert(db, "kept?");
        insert(db, "kept?"); // experiments.name is unique
        return null;
      })).isInstanceOf(SQLException.class);
      assertThat(count(db, "kept?")).isZero();
      db.tx(c -> {
        insert(db, "after");
        return null;
      });
      assertThat(count(db, "after")).isEqualTo(1);
    }
  }

  @Test
  void aFailedCommitIsRolledBack() throws Exception {
    try (Db db = Db.openSqlite(dir.resolve("db.sqlite"))) {
      // A deferred foreign key fails the COMMIT itself, which leaves SQLite's transaction open.
      assertThatThrownBy(() -> db.tx(c -> {
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA defer_foreign_keys = ON");
          s.execute("INSERT INTO runs (id, experiment_id, pipeline, spec_file, status, seed, created_at)"
              + " VALUES ('r', 999, 'p', 'p.yml', 'running', 0, 0)");
        }
        insert(db, "with the bad run");
        return null;
      })).isInstanceOf(SQLException.class);
      assertThat(count(db, "with the bad run")).isZero();
      db.tx(c -> {
        insert(db, "after");
        return null;
      });
      assertThat(count(db, "after")).isEqualTo(1);
    }
  }
}
