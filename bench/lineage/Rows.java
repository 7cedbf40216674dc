import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Batched inserts into the workspace schema for GenLineage; step run ids are assigned here. */
final class Rows {
  private final PreparedStatement runs;
  private final PreparedStatement steps;
  private final PreparedStatement artifacts;
  private final PreparedStatement io;
  private final PreparedStatement treeFiles;
  private final PreparedStatement params;
  private final PreparedStatement assets;
  private final List<PreparedStatement> all = new ArrayList<>();
  private long nextStep = 1;
  private int pending;

  Rows(Connection c) throws SQLException {
    runs = add(c.prepareStatement("INSERT INTO runs (id, experiment_id, pipeline, spec_file, status, seed, created_at,"
        + " ended_at) VALUES (?,1,'fraud','pipelines/fraud.yml','completed',?,?,?)"));
    artifacts = add(c.prepareStatement("INSERT OR IGNORE INTO artifacts (sha256, kind, size, files, created_at, indexed)"
        + " VALUES (?,?,?,?,0,1)"));
    treeFiles = add(c.prepareStatement("INSERT OR IGNORE INTO tree_files (tree_sha256, path, file_sha256) VALUES (?,?,?)"));
    steps = add(c.prepareStatement("INSERT INTO step_runs (id, run_id, name, status, cache_key, key_parts, reused_from,"
        + " seed, started_at, ended_at, duration_ms) VALUES (?,?,?,'completed',?,?,?,?,?,?,?)"));
    io = add(c.prepareStatement("INSERT INTO step_io (step_run_id, direction, name, artifact_sha256, value) VALUES (?,?,?,?,?)"));
    params = add(c.prepareStatement("INSERT INTO params (run_id, step_run_id, key, value) VALUES (?,?,?,?)"));
    assets = add(c.prepareStatement("INSERT INTO assets (kind, name, version, vnum, type, sha256, source, run_id,"
        + " step_run_id, provenance, created_at) VALUES (?,?,?,?,?,?,?,?,?,'{}',0)"));
  }

  private PreparedStatement add(PreparedStatement p) {
    all.add(p);
    return p;
  }

  /** Step run ids are dense: run i's steps are 4i+1..4i+4. */
  long stepOf(int run, int index) {
    return 4L * run + index + 1;
  }

  void run(String id, long at, long seed) throws SQLException {
    runs.setString(1, id);
    runs.setLong(2, seed);
    runs.setLong(3, at);
    runs.setLong(4, at + 50_000);
    batch(runs);
  }

  long step(String run, String name, long at, String code, Long reusedFrom) throws SQLException {
    long id = nextStep++;
    String parts = "{\"code\":\"" + code + "\",\"command\":\"python " + name + ".py\",\"format\":\"1\",\"seed\":\"" + id
        + "\"}";
    steps.setLong(1, id);
    steps.setString(2, run);
    steps.setString(3, name);
    steps.setString(4, GenLineage.h(parts));
    steps.setString(5, parts);
    if (reusedFrom == null) {
      steps.setNull(6, java.sql.Types.INTEGER);
    } else {
      steps.setLong(6, reusedFrom);
    }
    steps.setLong(7, id * 31);
    steps.setLong(8, at);
    steps.setLong(9, at + 10_000);
    steps.setLong(10, 10_000);
    batch(steps);
    return id;
  }

  /** A folder output of {@code files} files (new content unless reused) and its edge. */
  void output(long step, String name, String tree, int files, int run, boolean reused) throws SQLException {
    if (!reused) {
      artifact(tree, "TREE", files * 4096L, files);
      for (int f = 0; f < files; f++) {
        treeFile(tree, name + "-" + f + ".bin", GenLineage.h(tree + f));
      }
    }
    io(step, "out", name, tree, null);
  }

  void artifact(String sha, String kind, long size, long files) throws SQLException {
    artifacts.setString(1, sha);
    artifacts.setString(2, kind);
    artifacts.setLong(3, size);
    artifacts.setLong(4, files);
    batch(artifacts);
  }

  void treeFile(String tree, String path, String file) throws SQLException {
    treeFiles.setString(1, tree);
    treeFiles.setString(2, path);
    treeFiles.setString(3, file);
    batch(treeFiles);
  }

  void io(long step, String dir, String name, String sha, String value) throws SQLException {
    io.setLong(1, step);
    io.setString(2, dir);
    io.setString(3, name);
    io.setString(4, sha);
    io.setString(5, value);
    batch(io);
  }

  void param(String run, Long step, String key, String value) throws SQLException {
    params.setString(1, run);
    if (step == null) {
      params.setNull(2, java.sql.Types.INTEGER);
    } else {
      params.setLong(2, step);
    }
    params.setString(3, key);
    params.setString(4, value);
    batch(params);
  }

  void asset(String kind, String name, int version, String type, String sha, String source, String run, Long step)
      throws SQLException {
    assets.setString(1, kind);
    assets.setString(2, name);
    assets.setString(3, String.valueOf(version));
    assets.setLong(4, version);
    assets.setString(5, type);
    assets.setString(6, sha);
    assets.setString(7, source);
    assets.setString(8, run);
    if (step == null) {
      assets.setNull(9, java.sql.Types.INTEGER);
    } else {
      assets.setLong(9, step);
    }
    batch(assets);
  }

  private void batch(PreparedStatement p) throws SQLException {
    p.addBatch();
    if (++pending >= 5000) {
      flush();
    }
  }

  /** Executes every pending batch, parents before children (the schema enforces foreign keys). */
  void flush() throws SQLException {
    for (PreparedStatement p : all) {
      p.executeBatch();
    }
    pending = 0;
  }
}
