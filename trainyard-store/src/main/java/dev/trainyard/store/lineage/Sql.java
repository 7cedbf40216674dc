package dev.trainyard.store.lineage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Set-at-a-time queries: one statement per chunk of keys instead of one per key. */
final class Sql {
  /** Well under SQLite's limit on bound parameters, in every build of the driver. */
  private static final int CHUNK = 500;

  private Sql() {}

  /** Handles one row. */
  interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code sql}, whose {@code IN (?)} is widened to one parameter per key, for every chunk of
   * {@code keys}; {@code before} are bound ahead of the keys.
   */
  static void in(Connection c, String sql, Collection<?> keys, Row row, Object... before) throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    List<?> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<?> part = all.subList(from, Math.min(all.size(), from + CHUNK));
      String widened = sql.replace("IN (?)", "IN (" + "?,".repeat(part.size() - 1) + "?)");
      try (PreparedStatement p = c.prepareStatement(widened)) {
        int i = 1;
        for (Object b : before) {
          p.setObject(i++, b);
        }
        for (Object k : part) {
          p.setObject(i++, k);
        }
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            row.accept(rs);
          }
        }
      }
    }
  }

  /** Runs a query with plain parameters. */
  static void query(Connection c, String sql, Row row, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          row.accept(rs);
        }
      }
    }
  }

  /** The smallest string greater than every string starting with {@code prefix}, for index range scans. */
  static String after(String prefix) {
    return prefix + Character.MAX_VALUE;
  }
}
