package dev.trainyard.store.registry;

import dev.trainyard.store.Db;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data assets, models and components by {@code name:version}. A version never changes once
 * written: registering it again with the same content is a no-op, with other content an error.
 * Every write is one transaction, so a refused request writes nothing.
 */
public final class Registries {
  private final Db db;

  public Registries(Db db) {
    this.db = db;
  }

  /** The outcome of {@link #register}: the version, and whether this call created it. */
  public record Registered(AssetRecord asset, boolean created) {}

  /** Registers a version (see the class comment for the rules). The content must already be stored. */
  public Registered register(NewAsset a) throws RegistryException, SQLException {
    Names.check(a.kind().noun() + " name", a.name());
    if (a.version() != null) {
      Names.check("version", a.version());
    }
    for (String k : a.tags().keySet()) {
      Names.check("tag key", k);
    }
    Object result = db.tx(c -> {
      AssetRecord existing = a.version() == null ? AssetQueries.latest(c, a.kind(), a.name())
          : AssetQueries.exact(c, a.kind(), a.name(), a.version());
      if (existing != null && existing.sha256().equals(a.content().sha256())) {
        return new Registered(existing, false);
      }
      if (existing != null && a.version() != null) {
        return new RegistryException(a.kind().noun() + " " + existing.ref() + " already exists with other content ("
            + existing.sha256().substring(0, 12) + " registered, " + a.content().sha256().substring(0, 12)
            + " given); versions are immutable: register a new version, or omit --version to take the next number");
      }
      String version = a.version() != null ? a.version() : String.valueOf(AssetQueries.maxNumber(c, a.kind(), a.name()) + 1);
      insertArtifact(c, a);
      long id = insert(c, a, version);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO asset_tags (asset_id, key, value) VALUES (?,?,?)")) {
        for (var e : a.tags().entrySet()) {
          p.setLong(1, id);
          p.setString(2, e.getKey());
          p.setString(3, e.getValue());
          p.addBatch();
        }
        p.executeBatch();
      }
      return new Registered(AssetQueries.byId(c, id), true);
    });
    if (result instanceof RegistryException e) {
      throw e;
    }
    return (Registered) result;
  }

  private static void insertArtifact(Connection c, NewAsset a) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "INSERT OR IGNORE INTO artifacts (sha256, kind, size, files, created_at) VALUES (?,?,?,?,?)")) {
      p.setString(1, a.content().sha256());
      p.setString(2, a.content().kind().name());
      p.setLong(3, a.content().size());
      p.setLong(4, a.content().files());
      p.setLong(5, System.currentTimeMillis());
      p.executeUpdate();
    }
  }

  private static long insert(Connection c, NewAsset a, String version) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO assets (kind, name, version, vnum, type, sha256, entry,"
        + " description, source, run_id, step_run_id, provenance, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        java.sql.Statement.RETURN_GENERATED_KEYS)) {
      p.setString(1, a.kind().column());
      p.setString(2, a.name());
      p.setString(3, version);
      Long num = AssetQueries.number(version);
      if (num == null) {
        p.setNull(4, Types.INTEGER);
      } else {
        p.setLong(4, num);
      }
      p.setString(5, a.type());
      p.setString(6, a.content().sha256());
      p.setString(7, a.entry());
      p.setString(8, a.description());
      p.setString(9, a.source());
      p.setString(10, a.runId());
      if (a.stepRunId() == null) {
        p.setNull(11, Types.INTEGER);
      } else {
        p.setLong(11, a.stepRunId());
      }
      p.setString(12, a.provenance());
      p.setLong(13, System.currentTimeMillis());
      p.executeUpdate();
      try (ResultSet k = p.getGeneratedKeys()) {
        k.next();
        return k.getLong(1);
      }
    }
  }

  /**
   * One version: {@code version} given, or {@code label} ({@code latest}, or an alias). Null when
   * there is none.
   */
  public AssetRecord find(AssetKind kind, String name, String version, String label) throws SQLException {
    return db.read(c -> {
      if (version != null) {
        return AssetQueries.exact(c, kind, name, version);
      }
      if (label == null || label.equals("latest")) {
        return AssetQueries.latest(c, kind, name);
      }
      return AssetQueries.aliased(c, kind, name, label);
    });
  }

  /** The versions of a kind, newest first, optionally of one name and carrying all the given tags. */
  public List<AssetRecord> list(AssetKind kind, String name, Map<String, String> tags) throws SQLException {
    return db.read(c -> AssetQueries.list(c, kind, name, tags == null ? Map.of() : tags));
  }

  /** Every version (of any kind) whose content is the artifact {@code sha256}. */
  public List<AssetRecord> byContent(String sha256) throws SQLException {
    return db.read(c -> AssetQueries.where(c, "a.sha256 = ?", sha256));
  }

  /** Every version registered from a step run of {@code runId}. */
  public List<AssetRecord> byRun(String runId) throws SQLException {
    return db.read(c -> AssetQueries.where(c, "a.run_id = ?", runId));
  }

  /** Points {@code alias} of {@code name} at {@code version} (moving it if it pointed elsewhere). */
  public AssetRecord alias(AssetKind kind, String name, String alias, String version)
      throws RegistryException, SQLException {
    Names.check("alias", alias);
    if (alias.equals("latest")) {
      throw new RegistryException("alias 'latest' is reserved: it always means the highest version");
    }
    if (alias.chars().allMatch(Character::isDigit)) {
      throw new RegistryException("alias '" + alias + "' is a number and would read as a version");
    }
    AssetRecord target = find(kind, name, version, null);
    if (target == null) {
      throw new RegistryException(kind.noun() + " " + name + ":" + version + " is not registered");
    }
    db.tx(c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO aliases (kind, name, alias, asset_id, updated_at)"
          + " VALUES (?,?,?,?,?) ON CONFLICT (kind, name, alias) DO UPDATE SET asset_id = excluded.asset_id,"
          + " updated_at = excluded.updated_at, version = aliases.version + 1")) {
        p.setString(1, kind.column());
        p.setString(2, name);
        p.setString(3, alias);
        p.setLong(4, target.id());
        p.setLong(5, System.currentTimeMillis());
        p.executeUpdate();
      }
      return null;
    });
    return find(kind, name, version, null);
  }

  /** Parses {@code N:V}, {@code N@label} or a bare {@code N} (meaning {@code N@latest}). */
  public static String[] parseRef(String ref) {
    int at = ref.lastIndexOf('@');
    int colon = ref.lastIndexOf(':');
    if (at > 0 && at > colon) {
      return new String[] {ref.substring(0, at), null, ref.substring(at + 1)};
    }
    if (colon > 0) {
      return new String[] {ref.substring(0, colon), ref.substring(colon + 1), null};
    }
    return new String[] {ref, null, "latest"};
  }

  static Map<String, String> tagsOf(Connection c, long id) throws SQLException {
    Map<String, String> tags = new LinkedHashMap<>();
    try (PreparedStatement p = c.prepareStatement("SELECT key, value FROM asset_tags WHERE asset_id = ? ORDER BY key")) {
      p.setLong(1, id);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          tags.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return tags;
  }

  static List<String> aliasesOf(Connection c, long id) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT alias FROM aliases WHERE asset_id = ? ORDER BY alias")) {
      p.setLong(1, id);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
