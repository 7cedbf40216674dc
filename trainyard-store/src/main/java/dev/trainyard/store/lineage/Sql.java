package dev.trainyard.store.lineage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Set-at-a-time queries for the lineage walk, shaped for a JVM that has just started. A query over
 * many keys binds them as one JSON array ({@code IN (SELECT value FROM json_each(?))}) rather than
 * one parameter each, and SQLite returns the whole result packed into one JSON text
 * ({@code json_group_array}), read by {@link Values}: one native call per query instead of one per
 * column of every row, each through several layers of driver code that has not been compiled yet.
 */
final class Sql {
  private Sql() {}

  /** Handles one row. */
  interface Row {
    void accept(Values rs) throws SQLException;
  }

  /**
   * Runs {@code sql}, a {@code SELECT [DISTINCT] columns FROM ... [ORDER BY ...]} whose
   * {@code IN (?)} takes {@code keys}; {@code before} are bound ahead of the keys.
   */
  static void in(Connection c, String sql, Collection<?> keys, Row row, Object... before) throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    String packed = pack(sql).replace("IN (?)", "IN (SELECT value FROM json_each(?))");
    try (PreparedStatement p = c.prepareStatement(packed)) {
      int i = 1;
      for (Object b : before) {
        p.setObject(i++, b);
      }
      p.setString(i, jsonArray(keys));
      try (ResultSet rs = p.executeQuery()) {
        Values v = new Values(rs.next() ? rs.getString(1) : null);
        while (v.next()) {
          row.accept(v);
        }
      }
    }
  }

  /** Runs a query with plain parameters, for lookups of a row or two. */
  static void query(Connection c, String sql, Row row, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          String[] values = new String[n];
          for (int i = 0; i < n; i++) {
            values[i] = rs.getString(i + 1);
          }
          row.accept(new Values(values));
        }
      }
    }
  }

  /**
   * {@code SELECT [DISTINCT] cols FROM rest [ORDER BY o]} as {@code SELECT json_group_array([DISTINCT]
   * json_array(cols) [ORDER BY o]) FROM rest}: one row, whose JSON keeps the rows' order.
   */
  static String pack(String sql) {
    String head = "SELECT ";
    boolean distinct = sql.startsWith("SELECT DISTINCT ");
    int colsAt = distinct ? "SELECT DISTINCT ".length() : head.length();
    if (!sql.startsWith(head)) {
      throw new IllegalArgumentException("not a SELECT: " + sql);
    }
    int from = topLevel(sql, " FROM ", colsAt);
    int order = topLevel(sql, " ORDER BY ", from);
    String cols = sql.substring(colsAt, from);
    String rest = order < 0 ? sql.substring(from) : sql.substring(from, order);
    String orderBy = order < 0 ? "" : sql.substring(order);
    return "SELECT json_group_array(" + (distinct ? "DISTINCT " : "") + "json_array(" + cols + ")" + orderBy + ")"
        + rest;
  }

  /** Where {@code word} first occurs from {@code from} outside parentheses and quotes; -1 if nowhere. */
  private static int topLevel(String sql, String word, int from) {
    int depth = 0;
    boolean quoted = false;
    for (int i = from; i < sql.length(); i++) {
      char ch = sql.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
      } else if (!quoted && depth == 0 && sql.startsWith(word, i)) {
        return i;
      }
    }
    return -1;
  }

  /** The keys as a JSON array: numbers as numbers, anything else as a string. */
  static String jsonArray(Collection<?> keys) {
    StringBuilder sb = new StringBuilder(keys.size() * 68).append('[');
    for (Object k : keys) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      if (k instanceof Long || k instanceof Integer) {
        sb.append(k);
        continue;
      }
      String s = k.toString();
      sb.append('"');
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        if (ch == '"' || ch == '\\') {
          sb.append('\\').append(ch);
        } else if (ch < 0x20) {
          sb.append(String.format("\\u%04x", (int) ch));
        } else {
          sb.append(ch);
        }
      }
      sb.append('"');
    }
    return sb.append(']').toString();
  }

  /** The smallest string greater than every string starting with {@code prefix}, for index range scans. */
  static String after(String prefix) {
    return prefix + Character.MAX_VALUE;
  }
}
