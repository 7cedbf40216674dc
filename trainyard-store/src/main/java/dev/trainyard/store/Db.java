package dev.trainyard.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * One JDBC connection to the workspace's SQLite database: WAL journal (readers never wait for
 * writers), immediate write transactions and a busy timeout so that several {@code trainyard}
 * processes can share a workspace. Synchronous mode is NORMAL: in WAL mode a commit survives any
 * crash of the process and the database stays consistent through a power cut, which may at worst
 * forget the last commits (those steps then run again); output bytes are fsynced before the commit
 * that records them, so nothing recorded ever points at missing data. Methods are
 * synchronized: the engine's threads share the connection, and SQLite has one writer anyway.
 */
public final class Db implements AutoCloseable {
  /** The newest migration this build knows; see {@code db/migration/sqlite}. */
  static final int SCHEMA_VERSION = 5;

  private final Connection conn;
  /** Statements kept prepared, by SQL; see {@link #cached}. */
  private final Map<String, PreparedStatement> cached = new HashMap<>();

  private Db(Connection conn) {
    this.conn = conn;
  }

  /** Opens (creating and migrating if needed) the database file. */
  public static Db openSqlite(Path file) throws SQLException {
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    loadNativeLibrary();
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
    cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    cfg.setBusyTimeout(30_000);
    cfg.enforceForeignKeys(true);
    cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    // The driver directly, not DriverManager: that would first scan every jar for JDBC drivers.
    Connection c = new org.sqlite.JDBC().connect(url, cfg.toProperties());
    if (currentVersion(c) < SCHEMA_VERSION) {
      c.close();
      Migrations.migrate(url);
      c = new org.sqlite.JDBC().connect(url, cfg.toProperties());
    }
    c.setAutoCommit(true);
    return new Db(c);
  }

  /**
   * Loads SQLite's native library before the driver's settings are built: the CLI's warm-up thread
   * builds their date format meanwhile (see the CLI's Warmup), so the two overlap.
   */
  private static void loadNativeLibrary() {
    try {
      org.sqlite.SQLiteJDBCLoader.initialize();
    } catch (Exception e) {
      // connect() loads it again and reports what is wrong
    }
  }

  /** Reads the schema version without loading Flyway: most calls find the schema current. */
  private static int currentVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      try (ResultSet t = s.executeQuery(
          "SELECT 1 FROM sqlite_master WHERE type='table' AND name='flyway_schema_history'")) {
        if (!t.next()) {
          return 0;
        }
      }
      try (ResultSet r = s.executeQuery(
          "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
        return r.next() ? r.getInt(1) : 0;
      }
    }
  }

  /** Work done inside one transaction. */
  public interface Tx<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction, committing on success and rolling back on failure.
   *
   * <p>Committed by leaving manual-commit mode, not by {@link Connection#commit}: the driver's
   * commit at once begins the next transaction (BEGIN IMMEDIATE, taking the write lock), which
   * leaving manual-commit mode then commits empty: two statements and their file locks more per
   * transaction, two transactions per step.
   */
  public synchronized <T> T tx(Tx<T> work) throws SQLException {
    conn.setAutoCommit(false);
    T result;
    try {
      result = work.run(conn);
    } catch (SQLException | RuntimeException e) {
      rollBack();
      throw e;
    }
    try {
      conn.setAutoCommit(true); // COMMIT
    } catch (SQLException | RuntimeException e) {
      // The driver counts itself in auto-commit mode already, but a failed COMMIT (a deferred
      // constraint, say) leaves the transaction open: rolled back here, as before.
      try (Statement s = conn.createStatement()) {
        s.execute("ROLLBACK");
      } catch (SQLException noneOpen) {
        // SQLite rolled it back itself
      } finally {
        forgetStatements();
      }
      throw e;
    }
    return result;
  }

  /**
   * A statement prepared once and kept for this connection's life, for the few that every step
   * runs (a step's start, attempt and completion): preparing compiles the SQL again each time,
   * a fifth of a step's SQLite time. Only for use inside {@link #tx} or {@link #read}, by one
   * caller at a time (those hold this object's lock); not to be closed by the caller. Handed out
   * with no parameters or batch left from its last use.
   */
  synchronized PreparedStatement cached(String sql) throws SQLException {
    return cached(sql, Statement.NO_GENERATED_KEYS);
  }

  /** As {@link #cached(String)}; {@code generatedKeys} as for {@link Connection#prepareStatement(String, int)}. */
  synchronized PreparedStatement cached(String sql, int generatedKeys) throws SQLException {
    PreparedStatement p = cached.get(sql);
    if (p == null || p.isClosed()) {
      p = conn.prepareStatement(sql, generatedKeys);
      cached.put(sql, p);
    } else {
      p.clearParameters();
      p.clearBatch();
    }
    return p;
  }

  private void rollBack() throws SQLException {
    try {
      conn.rollback();
    } finally {
      try {
        conn.setAutoCommit(true);
      } finally {
        forgetStatements();
      }
    }
  }

  /** Closes the kept statements (after a failure, which may have left one mid-way), to be prepared anew. */
  private void forgetStatements() {
    for (PreparedStatement p : cached.values()) {
      try {
        p.close();
      } catch (SQLException e) {
        // closing a statement of a working connection does not fail; nothing to keep anyway
      }
    }
    cached.clear();
  }

  /** Runs a read (or single-statement write) outside an explicit transaction. */
  public synchronized <T> T read(Tx<T> work) throws SQLException {
    return work.run(conn);
  }

  @Override
  public synchronized void close() throws SQLException {
    forgetStatements();
    conn.close();
  }
}
