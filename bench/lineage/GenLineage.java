import dev.trainyard.store.Sha256;
import dev.trainyard.store.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a new workspace with RUNS realistic pipeline runs for bench/lineage.sh, through the
 * store's own schema (Workspace.open migrates it) in big transactions: far faster than running
 * them, and the same rows the engine writes. Usage: java -cp 'trainyard-cli/target/lib/*'
 * GenLineage.java WS RUNS POISON_FILE
 *
 * <p>Shape: a data asset "transactions" with 200 versions, each a folder of 20 files, version k
 * replacing one file of version k-1 and adding one (so a file lives in several versions, as in a
 * growing data set); runs of four steps (prep, features, train, eval), 50 per data version with
 * different learning rates; one run in five reuses prep and features of an earlier run of the same
 * version; every tenth run registers its model as a version of "fraud-detector" (1,000 versions).
 * POISON_FILE is written with content that versions 120-122 hold, so `lineage --file` finds the
 * runs of three data versions.
 */
public class GenLineage {
  static final int VERSIONS = 200;
  static final int FILES = 20;

  public static void main(String[] args) throws Exception {
    Path wsDir = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    Path poison = Path.of(args[2]);
    byte[] poisonBytes = "id,amount,label\n4711,99999.00,0\n".getBytes(StandardCharsets.UTF_8);
    Files.write(poison, poisonBytes);
    String poisonSha = Sha256.of(poisonBytes);
    long t0 = System.currentTimeMillis();
    try (Workspace ws = Workspace.open(wsDir)) {
      ws.db().tx(c -> {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("INSERT INTO experiments (id, name, created_at) VALUES (1, 'fraud', 0)");
        }
        Rows r = new Rows(c);
        String[] dataTrees = dataVersions(r, poisonSha);
        for (int i = 0; i < runs; i++) {
          run(r, i, runs, dataTrees);
        }
        r.flush();
        return null;
      });
    }
    System.err.println("generated " + runs + " runs in " + (System.currentTimeMillis() - t0) + " ms");
  }

  static String h(String s) {
    return Sha256.of(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The data versions' folders: artifacts, their files in tree_files, and data assets. */
  static String[] dataVersions(Rows r, String poisonSha) throws java.sql.SQLException {
    String[] trees = new String[VERSIONS];
    List<String[]> files = new ArrayList<>();
    for (int f = 0; f < FILES; f++) {
      files.add(new String[] {"part-" + f + ".csv", h("data-file-" + f)});
    }
    for (int v = 0; v < VERSIONS; v++) {
      if (v > 0) {
        files.set(v % FILES, new String[] {"part-" + (v % FILES) + ".csv", h("data-file-" + v + "-r")});
        files.add(new String[] {"day-" + v + ".csv", h("data-day-" + v)});
      }
      if (v == 120) {
        files.add(new String[] {"late-arrivals.csv", poisonSha});
      }
      if (v == 123) {
        files.removeIf(f -> f[0].equals("late-arrivals.csv"));
      }
      String tree = h("data-tree-" + v);
      trees[v] = tree;
      r.artifact(tree, "TREE", files.size() * 1000L, files.size());
      for (String[] f : files) {
        r.treeFile(tree, f[0], f[1]);
      }
      r.asset("data", "transactions", v + 1, "uri_folder", tree, "data/transactions-v" + (v + 1), null, null);
    }
    return trees;
  }

  static void run(Rows r, int i, int runs, String[] dataTrees) throws java.sql.SQLException {
    String id = String.format("20261101-%06d-%06x", i, i * 7919 & 0xffffff);
    int v = (int) ((long) i * VERSIONS / runs);
    long at = 1_790_000_000_000L + i * 60_000L;
    r.run(id, at, i);
    String lr = String.valueOf(0.001 * (1 + i % 50));
    String code = h("code-" + (i / 500));
    // One run in five reuses prep and features from the first run of its data version.
    int first = (int) Math.ceil((double) v * runs / VERSIONS);
    boolean reuse = i % 5 == 4 && first < i;
    String clean = reuse ? h("clean-" + first) : h("clean-" + i);
    String feats = reuse ? h("feats-" + first) : h("feats-" + i);
    String model = h("model-" + i);
    String metrics = h("metrics-" + i);
    long prep = r.step(id, "prep", at, code, reuse ? r.stepOf(first, 0) : null);
    r.output(prep, "o", clean, 12, i, reuse);
    r.io(prep, "in", "d", dataTrees[v], null);
    r.io(prep, "in", "min_amount", null, "0");
    long feat = r.step(id, "features", at, code, reuse ? r.stepOf(first, 1) : null);
    r.output(feat, "o", feats, 6, i, reuse);
    r.io(feat, "in", "d", clean, null);
    long train = r.step(id, "train", at, code, null);
    r.output(train, "model", model, 3, i, false);
    r.io(train, "in", "features", feats, null);
    r.io(train, "in", "lr", null, lr);
    r.io(train, "in", "epochs", null, "10");
    r.param(id, train, "trees", "100");
    long eval = r.step(id, "eval", at, code, null);
    r.artifact(metrics, "FILE", 120, 1);
    r.io(eval, "out", "metrics", metrics, null);
    r.io(eval, "in", "model", model, null);
    r.io(eval, "in", "features", feats, null);
    r.param(id, null, "lr", lr);
    r.param(id, null, "transactions", "azureml:transactions:" + (v + 1));
    if (i % 10 == 9) {
      r.asset("model", "fraud-detector", i / 10 + 1, "custom_model", model, id + ":train:model", id, train);
    }
  }
}
