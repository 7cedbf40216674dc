package dev.trainyard.store.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The reads behind {@link Registries}, inside a caller's connection or transaction. */
final class AssetQueries {
  private AssetQueries() {}

  private static final String COLUMNS = "a.id, a.kind, a.name, a.version, a.type, a.sha256, a.entry, a.description,"
      + " a.source, a.run_id, a.step_run_id, a.provenance, a.created_at FROM assets a";
  // Newest first: numbered versions by number, then the rest by time.
  private static final String NEWEST = " ORDER BY a.vnum IS NULL, a.vnum DESC, a.created_at DESC, a.id DESC";

  static Long number(String version) {
    if (version.isEmpty() || version.length() > 18 || !version.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Long.parseLong(version);
  }

  static long maxNumber(Connection c, AssetKind kind, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT coalesce(max(vnum), 0) FROM assets WHERE kind = ? AND name = ?")) {
      p.setString(1, kind.column());
      p.setString(2, name);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static AssetRecord exact(Connection c, AssetKind kind, String name, String version) throws SQLException {
    return first(where(c, "a.kind = ? AND a.name = ? AND a.version = ?", kind.column(), name, version));
  }

  static AssetRecord latest(Connection c, AssetKind kind, String name) throws SQLException {
    return first(query(c, "SELECT " + COLUMNS + " WHERE a.kind = ? AND a.name = ?" + NEWEST + " LIMIT 1",
        kind.column(), name));
  }

  static AssetRecord aliased(Connection c, AssetKind kind, String name, String alias) throws SQLException {
    return first(query(c, "SELECT " + COLUMNS + " JOIN aliases l ON l.asset_id = a.id"
        + " WHERE l.kind = ? AND l.name = ? AND l.alias = ?", kind.column(), name, alias));
  }

  static AssetRecord byId(Connection c, long id) throws SQLException {
    return first(where(c, "a.id = ?", id));
  }

  static List<AssetRecord> list(Connection c, AssetKind kind, String name, Map<String, String> tags)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " WHERE a.kind = ?");
    List<Object> args = new ArrayList<>(List.of(kind.column()));
    if (name != null) {
      sql.append(" AND a.name = ?");
      args.add(name);
    }
    for (var e : tags.entrySet()) {
      sql.append(" AND EXISTS (SELECT 1 FROM asset_tags t WHERE t.asset_id = a.id AND t.key = ? AND t.value = ?)");
      args.add(e.getKey());
      args.add(e.getValue());
    }
    sql.append(" ORDER BY a.name, a.vnum IS NULL, a.vnum DESC, a.created_at DESC");
    return query(c, sql.toString(), args.toArray());
  }

  static List<AssetRecord> where(Connection c, String condition, Object... args) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " WHERE " + condition + NEWEST, args);
  }

  private static List<AssetRecord> query(Connection c, String sql, Object... args) throws SQLException {
    List<AssetRecord> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          long stepRun = rs.getLong(11);
          Long stepRunId = rs.wasNull() ? null : stepRun;
          out.add(new AssetRecord(id, AssetKind.of(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), stepRunId,
              rs.getString(12), rs.getLong(13), null, null));
        }
      }
    }
    List<AssetRecord> full = new ArrayList<>(out.size());
    for (AssetRecord a : out) {
      full.add(new AssetRecord(a.id(), a.kind(), a.name(), a.version(), a.type(), a.sha256(), a.entry(),
          a.description(), a.source(), a.runId(), a.stepRunId(), a.provenance(), a.createdAt(),
          Registries.tagsOf(c, a.id()), Registries.aliasesOf(c, a.id())));
    }
    return full;
  }

  private static AssetRecord first(List<AssetRecord> list) {
    return list.isEmpty() ? null : list.get(0);
  }
}
