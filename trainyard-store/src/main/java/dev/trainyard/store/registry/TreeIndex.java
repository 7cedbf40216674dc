package dev.trainyard.store.registry;

import dev.trainyard.store.Db;
import dev.trainyard.store.ObjectStore;
import dev.trainyard.store.TreeManifest;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code tree_files} and {@code code_files} up to date: for every folder artifact and every
 * step's code snapshot, which file contents (by hash) it holds at which paths. Indexing happens after a run and before a
 * lineage query, from the stored manifests, so the step completion path stays as short as it was;
 * it is idempotent, and a run killed before it indexed is caught up by the next call.
 */
public final class TreeIndex {
  private final Db db;
  private final ObjectStore objects;

  public TreeIndex(Db db, ObjectStore objects) {
    this.db = db;
    this.objects = objects;
  }

  /** Indexes every folder artifact and code snapshot not yet indexed; returns how many it indexed. */
  public int catchUp() throws SQLException {
    return catchUp("SELECT sha256 FROM artifacts WHERE kind = 'TREE' AND indexed = 0 LIMIT 200",
        "INSERT OR IGNORE INTO tree_files (tree_sha256, path, file_sha256) VALUES (?,?,?)",
        "UPDATE artifacts SET indexed = ? WHERE sha256 = ?")
        + catchUp("SELECT sha256 FROM code_snapshots WHERE indexed = 0 LIMIT 200",
            "INSERT OR IGNORE INTO code_files (code_sha256, path, file_sha256) VALUES (?,?,?)",
            "UPDATE code_snapshots SET indexed = ? WHERE sha256 = ?");
  }

  private int catchUp(String pending, String insertSql, String markSql) throws SQLException {
    int done = 0;
    while (true) {
      List<String> trees = db.read(c -> {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(pending); ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
        return out;
      });
      if (trees.isEmpty()) {
        return done;
      }
      List<TreeManifest> manifests = new ArrayList<>();
      for (String t : trees) {
        manifests.add(read(t));
      }
      db.tx(c -> {
        try (PreparedStatement ins = c.prepareStatement(insertSql); PreparedStatement mark = c.prepareStatement(markSql)) {
          for (int i = 0; i < trees.size(); i++) {
            TreeManifest m = manifests.get(i);
            if (m != null) {
              for (TreeManifest.Entry e : m.entries()) {
                ins.setString(1, trees.get(i));
                ins.setString(2, e.path());
                ins.setString(3, e.sha256());
                ins.addBatch();
              }
            }
            // 2: the manifest is missing or damaged; not retried on every query (verify repairs objects).
            mark.setInt(1, m == null ? 2 : 1);
            mark.setString(2, trees.get(i));
            mark.addBatch();
          }
          ins.executeBatch();
          mark.executeBatch();
        }
        return null;
      });
      done += trees.size();
    }
  }

  private TreeManifest read(String sha) {
    try {
      return objects.readTree(sha);
    } catch (IOException e) {
      return null;
    }
  }
}
