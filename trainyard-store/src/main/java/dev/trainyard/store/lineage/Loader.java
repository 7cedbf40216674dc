package dev.trainyard.store.lineage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills a graph with nodes from the database, many at a time: step runs (with their runs), content
 * (artifacts, or bare file contents), registered versions, folder listings and parameters.
 */
final class Loader {
  private final Connection c;
  private final LineageGraph g;

  Loader(Connection c, LineageGraph g) {
    this.c = c;
    this.g = g;
  }

  /** Adds step run nodes (and their runs, linked by {@link EdgeKind#STEP} edges) not yet in the graph. */
  void steps(Collection<Long> ids) throws SQLException {
    Set<Long> missing = new LinkedHashSet<>(); // a plain loop: this runs cold, where streams cost most
    for (Long id : ids) {
      if (!g.has(LineageNode.stepKey(id))) {
        missing.add(id);
      }
    }
    Set<String> runs = new HashSet<>();
    // key_parts is JSON written by the engine; json_valid guards the query against a damaged row.
    Sql.in(c, "SELECT s.id, s.run_id, s.name, s.status, s.seed, CASE WHEN json_valid(s.key_parts)"
        + " THEN json_extract(s.key_parts, '$.code') END, o.run_id, o.name, s.duration_ms, s.cache_key"
        + " FROM step_runs s LEFT JOIN step_runs o ON o.id = s.reused_from WHERE s.id IN (?)", missing, rs -> {
          // Each column read once: every read is a native call through several driver layers.
          String id = rs.getString(1);
          String run = rs.getString(2);
          String step = rs.getString(3);
          LineageNode n = g.add(LineageNode.of(LineageNode.stepKey(id), NodeKind.STEP, id, run + ":" + step));
          Map<String, Object> a = n.attrs();
          a.put("run", run);
          a.put("step", step);
          a.put("status", rs.getString(4));
          long seed = rs.getLong(5);
          if (!rs.wasNull()) {
            a.put("seed", seed);
          }
          String code = rs.getString(6);
          if (code != null && !code.equals("none")) {
            a.put("code", code);
          }
          String reusedRun = rs.getString(7);
          if (reusedRun != null) {
            a.put("reused_from", reusedRun + ":" + rs.getString(8));
          }
          long ms = rs.getLong(9);
          if (!rs.wasNull()) {
            a.put("duration_ms", ms);
          }
          String cacheKey = rs.getString(10);
          if (cacheKey != null) {
            a.put("cache_key", cacheKey);
          }
          runs.add(run);
          g.edge(LineageNode.runKey(run), n.key(), EdgeKind.STEP, null);
        });
    runs(runs);
  }

  void runs(Collection<String> ids) throws SQLException {
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      if (!g.has(LineageNode.runKey(id))) {
        missing.add(id);
      }
    }
    Sql.in(c, "SELECT r.id, e.name, r.pipeline, r.spec_file, r.status, r.seed, r.created_at FROM runs r"
        + " JOIN experiments e ON e.id = r.experiment_id WHERE r.id IN (?)", missing, rs -> {
          String id = rs.getString(1);
          LineageNode n = g.add(LineageNode.of(LineageNode.runKey(id), NodeKind.RUN, id, id));
          n.attrs().put("experiment", rs.getString(2));
          n.attrs().put("pipeline", rs.getString(3));
          n.attrs().put("file", rs.getString(4));
          n.attrs().put("status", rs.getString(5));
          n.attrs().put("seed", rs.getLong(6));
          n.attrs().put("created_at", rs.getLong(7));
        });
  }

  /**
   * Adds content nodes not yet in the graph: an {@link NodeKind#ARTIFACT} when the hash is a
   * stored artifact, a {@link NodeKind#CODE} when it is a step's code snapshot, else a
   * {@link NodeKind#FILE}.
   */
  void content(Collection<String> shas) throws SQLException {
    Set<String> missing = new LinkedHashSet<>();
    for (String sha : shas) {
      if (!g.has(LineageNode.contentKey(sha))) {
        missing.add(sha);
      }
    }
    Sql.in(c, "SELECT sha256, kind, size, files FROM artifacts WHERE sha256 IN (?)", missing, rs -> {
      String sha = rs.getString(1);
      LineageNode n = g.add(LineageNode.of(LineageNode.contentKey(sha), NodeKind.ARTIFACT, sha, sha));
      n.attrs().put("type", rs.getString(2).equals("TREE") ? "folder" : "file");
      n.attrs().put("size", rs.getLong(3));
      n.attrs().put("files", rs.getLong(4));
      missing.remove(sha);
    });
    // Not artifacts: code snapshots (a folder in the index), else file content.
    Sql.in(c, "SELECT c.sha256, (SELECT count(*) FROM code_files f WHERE f.code_sha256 = c.sha256)"
        + " FROM code_snapshots c WHERE c.sha256 IN (?)", missing, rs -> {
          String sha = rs.getString(1);
          g.add(LineageNode.of(LineageNode.contentKey(sha), NodeKind.CODE, sha, sha)).attrs().put("files", rs.getLong(2));
          missing.remove(sha);
        });
    for (String sha : missing) {
      g.add(LineageNode.of(LineageNode.contentKey(sha), NodeKind.FILE, sha, sha));
    }
  }

  /** Adds the data assets, models and components registered with any of these contents. */
  void assets(Collection<String> shas) throws SQLException {
    Sql.in(c, "SELECT a.kind, a.name, a.version, a.type, a.sha256, a.run_id, a.source, a.created_at,"
        + " (SELECT group_concat(l.alias, ',') FROM aliases l WHERE l.asset_id = a.id) FROM assets a"
        + " WHERE a.sha256 IN (?) ORDER BY a.kind, a.name, a.vnum, a.version", new HashSet<>(shas), rs -> {
          LineageNode n = g.add(asset(rs.getString(1), rs.getString(2), rs.getString(3)));
          n.attrs().put("type", rs.getString(4));
          n.attrs().put("sha256", rs.getString(5));
          if (rs.getString(6) != null) {
            n.attrs().put("run", rs.getString(6));
          }
          if (rs.getString(7) != null) {
            n.attrs().put("source", rs.getString(7));
          }
          n.attrs().put("created_at", rs.getLong(8));
          if (rs.getString(9) != null) {
            n.attrs().put("aliases", rs.getString(9));
          }
          g.edge(LineageNode.contentKey(rs.getString(5)), n.key(), EdgeKind.REGISTERED, null);
        });
  }

  /** A registered version's node (attributes empty). */
  static LineageNode asset(String kind, String name, String version) {
    NodeKind k = NodeKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
    String id = name + ":" + version;
    return LineageNode.of(kind + ":" + id, k, id, kind + ":" + id);
  }

  /** Lists the files of every folder artifact among these nodes (from the tree index). */
  void folderFiles(Collection<LineageNode> nodes) throws SQLException {
    Map<String, List<LineageNode.FileEntry>> files = new LinkedHashMap<>();
    for (LineageNode n : nodes) {
      if (n.kind() == NodeKind.ARTIFACT && "folder".equals(n.attrs().get("type"))) {
        files.put(n.id(), new ArrayList<>());
      }
    }
    Sql.in(c, "SELECT tree_sha256, path, file_sha256 FROM tree_files WHERE tree_sha256 IN (?)"
        + " ORDER BY tree_sha256, path", files.keySet(),
        rs -> files.get(rs.getString(1)).add(new LineageNode.FileEntry(rs.getString(2), rs.getString(3))));
    for (var e : files.entrySet()) {
      g.node(LineageNode.contentKey(e.getKey())).attrs().put("file_list", e.getValue());
    }
  }

  /** Puts the parameter values step runs were given (their non-artifact inputs) on steps that lack them. */
  void values() throws SQLException {
    List<Long> steps = new ArrayList<>();
    for (LineageNode n : g.nodes()) {
      if (n.kind() == NodeKind.STEP && !n.attrs().containsKey("params")) {
        steps.add(Long.parseLong(n.id()));
      }
    }
    Sql.in(c, "SELECT step_run_id, name, value FROM step_io WHERE direction = 'in' AND value IS NOT NULL"
        + " AND step_run_id IN (?) ORDER BY step_run_id, name", steps,
        rs -> map(g.node(LineageNode.stepKey(rs.getLong(1))), "params").put(rs.getString(2), rs.getString(3)));
  }

  /** Puts run-level parameters on run nodes and logged parameters on step nodes. */
  void params() throws SQLException {
    Map<String, LineageNode> runs = new LinkedHashMap<>();
    for (LineageNode n : g.nodes()) {
      if (n.kind() == NodeKind.RUN) {
        runs.put(n.id(), n);
      }
    }
    Sql.in(c, "SELECT run_id, step_run_id, key, value FROM params WHERE run_id IN (?) ORDER BY rowid",
        runs.keySet(), rs -> {
          long step = rs.getLong(2);
          boolean runLevel = rs.wasNull();
          LineageNode n = runLevel ? runs.get(rs.getString(1)) : g.node(LineageNode.stepKey(step));
          if (n != null) {
            map(n, runLevel ? "params" : "logged_params").put(rs.getString(3), rs.getString(4));
          }
        });
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> map(LineageNode n, String attr) {
    return (Map<String, String>) n.attrs().computeIfAbsent(attr, k -> new LinkedHashMap<String, String>());
  }
}
