package dev.trainyard.store.lineage;

import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lineage queries on a workspace: {@link #of} walks from a named model, data asset, run, step run
 * or artifact; {@link #ofFiles} finds everything that used a local file's content (directly, or
 * inside a folder artifact) and everything derived from that. Reads only, apart from bringing the
 * folder index up to date, which happens after the reference resolved (an unknown reference
 * writes nothing).
 */
public final class Lineage {
  private final Workspace ws;

  public Lineage(Workspace ws) {
    this.ws = ws;
  }

  /** The graph around {@code ref}, upstream and/or downstream. */
  public LineageGraph of(String ref, boolean upstream, boolean downstream) throws LineageException, SQLException {
    Object r = ws.db().read(c -> {
      try {
        return new RefResolver(c, ws.root().toString()).resolve(ref);
      } catch (LineageException e) {
        return e;
      }
    });
    if (r instanceof LineageException e) {
      throw e;
    }
    Start s = (Start) r;
    ws.treeIndex().catchUp();
    LineageGraph g = new LineageGraph();
    g.directions(upstream, downstream);
    ws.db().read(c -> {
      Walker w = new Walker(c, g);
      Loader load = w.loader();
      Set<String> contents = new LinkedHashSet<>(s.contents);
      contents.addAll(s.pinned.keySet());
      load.content(contents);
      load.steps(s.steps);
      if (s.root.startsWith("run:")) {
        load.runs(List.of(s.root.substring("run:".length())));
      } else if (!g.has(s.root)) {
        load.assets(contents);
      }
      for (String sha : contents) {
        // A file's folders count as derived from it; a folder's do not exist.
        if (!"folder".equals(g.node(LineageNode.contentKey(sha)).attrs().get("type"))) {
          s.loose.add(sha);
        }
      }
      g.root(s.root);
      if (upstream) {
        w.upstream(s.contents, s.steps, s.pinned);
      }
      if (downstream) {
        w.downstream(contents, s.steps, s.loose);
      }
      finish(load, g, upstream);
      return null;
    });
    if (upstream) {
      codeFiles(g);
    }
    return g;
  }

  /**
   * Lists the files of each step's code snapshot ({@code code_files}), read from the snapshot's
   * manifest in the object store: code snapshots are not artifacts, so the folder index does not
   * hold them. A missing or damaged manifest leaves the list out; the hash is still shown.
   */
  private void codeFiles(LineageGraph g) {
    Map<String, List<LineageNode.FileEntry>> read = new java.util.HashMap<>();
    for (LineageNode n : g.nodes()) {
      if (n.kind() == NodeKind.STEP && n.attrs().get("code") instanceof String code) {
        List<LineageNode.FileEntry> files = read.computeIfAbsent(code, this::manifest);
        if (files != null) {
          n.attrs().put("code_files", files);
        }
      }
    }
  }

  private List<LineageNode.FileEntry> manifest(String sha) {
    try {
      if (!dev.trainyard.store.Sha256.isHash(sha) || !ws.objects().contains(sha)) {
        return null;
      }
      return ws.objects().readTree(sha).entries().stream()
          .map(e -> new LineageNode.FileEntry(e.path(), e.sha256())).toList();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Everything that used the content of {@code path} (a file, or each file of a folder) and
   * everything downstream of that. Hashes that nothing holds are counted in a note.
   */
  public LineageGraph ofFiles(Path path) throws LineageException, IOException, SQLException {
    return ofFiles(path, hashFiles(path, path));
  }

  /**
   * The content hashes of {@code path} (a file, or each file of a folder), each with the local
   * paths holding it (named as under {@code shownAs}, the path as the user gave it, when {@code path}
   * is that resolved elsewhere), for {@link #ofFiles(Path, Map)}. It needs no workspace, so a caller
   * can hash while the workspace opens.
   */
  public static Map<String, List<String>> hashFiles(Path path, Path shownAs) throws LineageException {
    if (!Files.exists(path)) {
      throw new LineageException("no such file or folder: " + shownAs);
    }
    try {
      return ContentHashes.of(path, shownAs);
    } catch (IOException e) {
      throw new LineageException("cannot read " + shownAs + ": " + e.getMessage());
    }
  }

  /** {@link #ofFiles(Path)} with the hashes {@link #hashFiles} made of {@code path}. */
  public LineageGraph ofFiles(Path path, Map<String, List<String>> hashes) throws SQLException {
    ws.treeIndex().catchUp();
    LineageGraph g = new LineageGraph();
    g.directions(false, true);
    ws.db().read(c -> {
      Set<String> known = new LinkedHashSet<>();
      Sql.in(c, "SELECT sha256 FROM artifacts WHERE sha256 IN (?)", hashes.keySet(), rs -> known.add(rs.getString(1)));
      Sql.in(c, "SELECT DISTINCT file_sha256 FROM tree_files WHERE file_sha256 IN (?)", hashes.keySet(),
          rs -> known.add(rs.getString(1)));
      Sql.in(c, "SELECT DISTINCT file_sha256 FROM code_files WHERE file_sha256 IN (?)", hashes.keySet(),
          rs -> known.add(rs.getString(1)));
      Walker w = new Walker(c, g);
      List<String> roots = new ArrayList<>();
      for (var e : hashes.entrySet()) {
        if (known.contains(e.getKey())) {
          roots.add(e.getKey());
        }
      }
      w.loader().content(roots);
      for (String sha : roots) {
        LineageNode n = g.node(LineageNode.contentKey(sha));
        n.attrs().put("path", String.join(", ", hashes.get(sha)));
        g.root(n.key());
      }
      int files = hashes.values().stream().mapToInt(List::size).sum();
      int unknown = hashes.entrySet().stream().filter(e -> !known.contains(e.getKey()))
          .mapToInt(e -> e.getValue().size()).sum();
      if (unknown > 0) {
        g.note(unknown + " of " + files + (files == 1 ? " file" : " files") + " under " + path
            + (unknown == 1 ? " has" : " have") + " content no artifact, folder, code snapshot or registered version holds");
      }
      w.downstream(new LinkedHashSet<>(roots), Set.of(), new LinkedHashSet<>(roots));
      finish(w.loader(), g, false);
      return null;
    });
    return g;
  }

  private static void finish(Loader load, LineageGraph g, boolean listFolders) throws SQLException {
    List<String> contents = new ArrayList<>();
    for (LineageNode n : g.nodes()) {
      if (n.kind() == NodeKind.ARTIFACT || n.kind() == NodeKind.FILE) {
        contents.add(n.id());
      }
    }
    load.assets(contents);
    // Upstream answers "what went into it", down to each file; downstream lists only the roots'.
    load.folderFiles(listFolders ? List.copyOf(g.nodes()) : g.roots().stream().map(g::node).toList());
    load.values();
    load.params();
  }
}
