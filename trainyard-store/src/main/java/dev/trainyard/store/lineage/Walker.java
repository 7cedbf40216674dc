package dev.trainyard.store.lineage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the recorded edges a level at a time. Upstream: content to the step runs that produced it,
 * step runs to what they consumed. Downstream: content to the step runs that consumed it (and file
 * content to the folders holding it), step runs to what they produced. Each level costs a few
 * queries over the whole frontier.
 */
final class Walker {
  private final Connection c;
  private final LineageGraph g;
  private final Loader load;

  Walker(Connection c, LineageGraph g) {
    this.c = c;
    this.g = g;
    this.load = new Loader(c, g);
  }

  Loader loader() {
    return load;
  }

  /**
   * Upstream from contents and step runs. {@code pinned} maps contents to the one step run known to
   * have produced them (a version registered from a step's output): that step, not every producer.
   */
  void upstream(Set<String> contents, Set<Long> steps, Map<String, Long> pinned) throws SQLException {
    Set<String> seenContent = new HashSet<>();
    Set<Long> seenSteps = new HashSet<>();
    Set<String> content = new LinkedHashSet<>(contents);
    Set<Long> frontier = new LinkedHashSet<>(steps);
    for (var e : pinned.entrySet()) {
      load.content(List.of(e.getKey()));
      load.steps(List.of(e.getValue()));
      g.edge(LineageNode.stepKey(e.getValue()), LineageNode.contentKey(e.getKey()), EdgeKind.OUTPUT,
          outputName(e.getValue(), e.getKey()));
      seenContent.add(e.getKey());
      content.remove(e.getKey());
      frontier.add(e.getValue());
    }
    while (!content.isEmpty() || !frontier.isEmpty()) {
      seenContent.addAll(content);
      seenSteps.addAll(frontier);
      load.content(content);
      Set<Long> next = new LinkedHashSet<>(producers(content));
      load.steps(frontier);
      Set<String> nextContent = new LinkedHashSet<>();
      Sql.in(c, "SELECT step_run_id, name, artifact_sha256, value FROM step_io WHERE direction = 'in'"
          + " AND step_run_id IN (?) ORDER BY step_run_id, name", frontier, rs -> {
            String step = LineageNode.stepKey(rs.getLong(1));
            String sha = rs.getString(3);
            if (sha == null) {
              Loader.map(g.node(step), "params").put(rs.getString(2), rs.getString(4));
            } else {
              g.edge(LineageNode.contentKey(sha), step, EdgeKind.INPUT, rs.getString(2));
              nextContent.add(sha);
            }
          });
      load.content(nextContent);
      nextContent.removeAll(seenContent);
      next.removeAll(seenSteps);
      content = nextContent;
      frontier = next;
    }
  }

  /**
   * The step runs that produced these contents, with edges to them. A step run that reused an
   * earlier one's outputs did not compute them, so the ones that ran are preferred; the reusing
   * ones stand in only where no run computed the content (its original runs were deleted).
   */
  private Set<Long> producers(Set<String> contents) throws SQLException {
    Map<String, List<Long>> ran = new LinkedHashMap<>();
    Map<String, List<Long>> reused = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    Sql.in(c, "SELECT io.artifact_sha256, io.step_run_id, io.name, s.reused_from FROM step_io io"
        + " JOIN step_runs s ON s.id = io.step_run_id WHERE io.direction = 'out' AND s.status = 'completed'"
        + " AND io.artifact_sha256 IN (?) ORDER BY io.step_run_id", contents, rs -> {
          long step = rs.getLong(2);
          names.put(step, rs.getString(3));
          rs.getLong(4);
          (rs.wasNull() ? ran : reused).computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(step);
        });
    Map<String, List<Long>> chosen = new LinkedHashMap<>();
    Set<Long> out = new LinkedHashSet<>();
    for (String sha : contents) {
      List<Long> by = ran.containsKey(sha) ? ran.get(sha) : reused.getOrDefault(sha, List.of());
      chosen.put(sha, by);
      out.addAll(by);
    }
    load.steps(out); // before the edges: one query for the level, and edges end at loaded nodes
    for (var e : chosen.entrySet()) {
      for (long step : e.getValue()) {
        g.edge(LineageNode.stepKey(step), LineageNode.contentKey(e.getKey()), EdgeKind.OUTPUT, names.get(step));
      }
    }
    return out;
  }

  private String outputName(long step, String sha) throws SQLException {
    String[] name = new String[1];
    Sql.query(c, "SELECT name FROM step_io WHERE step_run_id = ? AND direction = 'out' AND artifact_sha256 = ?",
        rs -> name[0] = rs.getString(1), step, sha);
    return name[0];
  }

  /**
   * Downstream from contents and step runs. {@code loose} are file contents whose folders and code
   * snapshots count as derived from them (the start of a query by content), as do the step runs
   * that ran those snapshots; deeper levels follow step runs only, as folders that merely share a
   * common file (an empty file, a licence) are not derived from it.
   */
  void downstream(Set<String> contents, Set<Long> steps, Set<String> loose) throws SQLException {
    Set<String> seenContent = new HashSet<>();
    Set<Long> seenSteps = new HashSet<>();
    Set<String> first = new LinkedHashSet<>(contents);
    Set<Long> frontier = new LinkedHashSet<>(steps);
    load.content(loose);
    Sql.Row partOf = rs -> {
      first.add(rs.getString(2));
      g.edge(LineageNode.contentKey(rs.getString(1)), LineageNode.contentKey(rs.getString(2)), EdgeKind.PART_OF,
          rs.getString(3));
    };
    Sql.in(c, "SELECT file_sha256, tree_sha256, path FROM tree_files WHERE file_sha256 IN (?)"
        + " ORDER BY tree_sha256, path", loose, partOf);
    Sql.in(c, "SELECT file_sha256, code_sha256, path FROM code_files WHERE file_sha256 IN (?)"
        + " ORDER BY code_sha256, path", loose, partOf);
    first.addAll(loose);
    Set<String> content = first;
    while (!content.isEmpty() || !frontier.isEmpty()) {
      seenContent.addAll(content);
      seenSteps.addAll(frontier);
      load.content(content);
      Set<Long> next = new LinkedHashSet<>();
      Sql.in(c, "SELECT artifact_sha256, step_run_id, name FROM step_io WHERE direction = 'in'"
          + " AND artifact_sha256 IN (?) ORDER BY step_run_id", content, rs -> {
            g.edge(LineageNode.contentKey(rs.getString(1)), LineageNode.stepKey(rs.getLong(2)), EdgeKind.INPUT,
                rs.getString(3));
            next.add(rs.getLong(2));
          });
      List<String> code = new ArrayList<>();
      for (String sha : content) {
        if (g.node(LineageNode.contentKey(sha)).kind() == NodeKind.CODE) {
          code.add(sha);
        }
      }
      // The step runs that ran a code snapshot (by the index on key_parts' "code").
      Sql.in(c, "SELECT json_extract(key_parts, '$.code'), id FROM step_runs WHERE json_valid(key_parts)"
          + " AND json_extract(key_parts, '$.code') IN (?) ORDER BY id", code, rs -> {
            g.edge(LineageNode.contentKey(rs.getString(1)), LineageNode.stepKey(rs.getLong(2)), EdgeKind.CODE, null);
            next.add(rs.getLong(2));
          });
      next.addAll(frontier);
      load.steps(next);
      next.removeAll(frontier);
      Set<String> nextContent = new LinkedHashSet<>();
      Sql.in(c, "SELECT step_run_id, name, artifact_sha256 FROM step_io WHERE direction = 'out'"
          + " AND step_run_id IN (?) AND artifact_sha256 IS NOT NULL ORDER BY step_run_id, name", frontier, rs -> {
            g.edge(LineageNode.stepKey(rs.getLong(1)), LineageNode.contentKey(rs.getString(3)), EdgeKind.OUTPUT,
                rs.getString(2));
            nextContent.add(rs.getString(3));
          });
      load.content(nextContent);
      nextContent.removeAll(seenContent);
      next.removeAll(seenSteps);
      content = nextContent;
      frontier = next;
    }
  }
}
