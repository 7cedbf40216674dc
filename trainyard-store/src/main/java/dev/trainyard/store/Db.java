package dev.trainyard.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

  /** Runs {@code work} in one transaction, committing on success and rolling back on failure. */
  public synchronized <T> T tx(Tx<T> work) throws SQLException {
    conn.setAutoCommit(false);
    try {
      T result = work.run(conn);
      conn.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    } finally {
      conn.setAutoCommit(true);
    }
  }

  /** Runs a read (or single-statement write) outside an explicit transaction. */
  public synchronized <T> T read(Tx<T> work) throws SQLException {
    return work.run(conn);
  }

  @Override
  public synchronized void close() throws SQLException {
    conn.close();
  }
}
