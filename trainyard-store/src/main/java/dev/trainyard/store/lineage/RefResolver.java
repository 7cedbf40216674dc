package dev.trainyard.store.lineage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resolves what a user names to a {@link Start}: {@code model:N:V}, {@code model:N@alias},
 * {@code data:N:V}, {@code data:N@latest}, {@code component:...}, a bare {@code N:V} or
 * {@code N@alias} when exactly one kind has it, a run (id, unique prefix, {@code latest}), a step
 * run ({@code RUN:STEP}), or content by hash (64 hex digits, or a unique prefix of at least 8).
 * A reference that fits several things is refused as ambiguous rather than guessed.
 */
final class RefResolver {
  private static final Pattern HEX_PREFIX = Pattern.compile("[0-9a-f]{8,64}");
  private static final List<String> KINDS = List.of("model", "data", "component");

  private final Connection c;
  private final String where;

  RefResolver(Connection c, String where) {
    this.c = c;
    this.where = where;
  }

  /** One way a reference can be read: what it resolves to. */
  private record Match(String what, Start start) {}

  Start resolve(String ref) throws SQLException, LineageException {
    if (ref.isBlank() || ref.chars().anyMatch(Character::isISOControl)) {
      throw new LineageException("reference '" + printable(ref) + "' is empty or holds control characters");
    }
    int colon = ref.indexOf(':');
    String head = colon > 0 ? ref.substring(0, colon).toLowerCase(Locale.ROOT) : "";
    if (KINDS.contains(head)) {
      Match m = asset(head, ref.substring(colon + 1));
      if (m == null) {
        throw new LineageException("no " + noun(head) + " '" + ref.substring(colon + 1) + "' in " + where);
      }
      return m.start();
    }
    List<Match> found = new ArrayList<>();
    if (ref.contains(":") || ref.contains("@")) {
      for (String kind : KINDS) {
        add(found, asset(kind, ref));
      }
      if (colon > 0 && ref.indexOf('@') < 0) {
        add(found, step(ref.substring(0, colon), ref.substring(colon + 1)));
      }
    } else {
      add(found, run(ref));
      if (HEX_PREFIX.matcher(ref).matches()) {
        add(found, content(ref));
      }
    }
    if (found.isEmpty()) {
      throw new LineageException("'" + ref + "' names no model, data asset, run, step run (RUN:STEP) or artifact"
          + " (SHA-256, or a prefix of 8 or more hex digits) in " + where);
    }
    if (found.size() == 1 && found.get(0).start() == null) {
      throw new LineageException("'" + ref + "' matches " + found.get(0).what() + "; give more of it");
    }
    if (found.size() > 1) {
      throw new LineageException("'" + ref + "' is ambiguous: it names " + String.join(" and ",
          found.stream().map(Match::what).toList()) + "; say which (model:" + ref + ", data:" + ref
          + ", a longer prefix, ...)");
    }
    return found.get(0).start();
  }

  private static void add(List<Match> found, Match m) {
    if (m != null) {
      found.add(m);
    }
  }

  /** {@code N:V}, {@code N@label} or {@code N} (the latest) of one kind, or null. */
  private Match asset(String kind, String rest) throws SQLException {
    int at = rest.lastIndexOf('@');
    int colon = rest.lastIndexOf(':');
    String name;
    String cond;
    Object arg;
    if (at > 0 && at > colon && !rest.substring(at + 1).equals("latest")) {
      name = rest.substring(0, at);
      cond = " AND a.id = (SELECT asset_id FROM aliases WHERE kind = a.kind AND name = a.name AND alias = ?)";
      arg = rest.substring(at + 1);
    } else if (at > 0 && at > colon) {
      name = rest.substring(0, at);
      cond = " AND ? = 'latest'";
      arg = "latest";
    } else if (colon > 0) {
      name = rest.substring(0, colon);
      cond = " AND a.version = ?";
      arg = rest.substring(colon + 1);
    } else {
      name = rest;
      cond = " AND ? = 'latest'";
      arg = "latest";
    }
    Object[] row = new Object[3];
    // Newest first, as the registry orders versions: numbered ones by number, then by time.
    Sql.query(c, "SELECT a.version, a.sha256, a.step_run_id FROM assets a WHERE a.kind = ? AND a.name = ?" + cond
        + " ORDER BY a.vnum IS NULL, a.vnum DESC, a.created_at DESC, a.id DESC LIMIT 1", rs -> {
          row[0] = rs.getString(1);
          row[1] = rs.getString(2);
          long step = rs.getLong(3);
          row[2] = rs.wasNull() ? null : step;
        }, kind, name, arg);
    if (row[0] == null) {
      return null;
    }
    String sha = (String) row[1];
    Start s = new Start(Loader.asset(kind, name, (String) row[0]).key());
    if (row[2] != null) {
      s.pinned.put(sha, (Long) row[2]);
    } else {
      s.contents.add(sha);
    }
    return new Match(noun(kind) + " " + name + ":" + row[0], s);
  }

  private Match run(String ref) throws SQLException {
    List<String> ids = new ArrayList<>();
    if (ref.equals("latest")) {
      Sql.query(c, "SELECT id FROM runs ORDER BY created_at DESC, id DESC LIMIT 1", rs -> ids.add(rs.getString(1)));
    } else {
      Sql.query(c, "SELECT id FROM runs WHERE id >= ? AND id < ? ORDER BY id LIMIT 2", rs -> ids.add(rs.getString(1)),
          ref, Sql.after(ref));
    }
    if (ids.size() != 1) {
      return ids.isEmpty() ? null : new Match("several runs", null);
    }
    Start s = new Start(LineageNode.runKey(ids.get(0)));
    Sql.query(c, "SELECT id FROM step_runs WHERE run_id = ? ORDER BY id", rs -> s.steps.add(rs.getLong(1)), ids.get(0));
    return new Match("run " + ids.get(0), s);
  }

  private Match step(String runRef, String name) throws SQLException {
    Match run = run(runRef);
    if (run == null || run.start() == null) {
      return null;
    }
    Long[] id = new Long[1];
    Sql.query(c, "SELECT id FROM step_runs WHERE run_id = ? AND name = ?", rs -> id[0] = rs.getLong(1),
        run.start().root.substring("run:".length()), name);
    if (id[0] == null) {
      return null;
    }
    Start s = new Start(LineageNode.stepKey(id[0]));
    s.steps.add(id[0]);
    return new Match("step run " + runRef + ":" + name, s);
  }

  /** An artifact, or file content known from folders, by full hash or unique prefix. */
  private Match content(String prefix) throws SQLException {
    List<String> shas = new ArrayList<>();
    Sql.query(c, "SELECT sha256 FROM artifacts WHERE sha256 >= ? AND sha256 < ? ORDER BY sha256 LIMIT 2",
        rs -> shas.add(rs.getString(1)), prefix, Sql.after(prefix));
    for (String table : new String[] {"tree_files", "code_files"}) {
      Sql.query(c, "SELECT DISTINCT file_sha256 FROM " + table + " WHERE file_sha256 >= ? AND file_sha256 < ?"
          + " ORDER BY file_sha256 LIMIT 3", rs -> {
            if (!shas.contains(rs.getString(1))) {
              shas.add(rs.getString(1));
            }
          }, prefix, Sql.after(prefix));
    }
    if (shas.size() != 1) {
      return shas.isEmpty() ? null : new Match("several artifacts", null);
    }
    Start s = new Start(LineageNode.contentKey(shas.get(0)));
    s.contents.add(shas.get(0));
    return new Match("artifact " + shas.get(0).substring(0, 12), s);
  }

  private static String noun(String kind) {
    return kind.equals("data") ? "data asset" : kind;
  }

  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (char ch : s.toCharArray()) {
      sb.append(Character.isISOControl(ch) ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
    }
    return sb.toString();
  }
}
