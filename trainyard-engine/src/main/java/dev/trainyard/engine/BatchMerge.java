package dev.trainyard.engine;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.Component;
import dev.trainyard.spec.plan.PlannedStep;
import dev.trainyard.store.BatchRecord;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.TreeManifest;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a parallel step's outputs from its mini-batches without copying a byte: each output's
 * manifest is the union of the mini-batches' manifests, and {@code append_row_to}'s file
 * ({@code parallel_run_step.txt}) is their rows concatenated in mini-batch order.
 */
final class BatchMerge {
  static final String ROWS_FILE = "parallel_run_step.txt";
  private final Workspace ws;

  BatchMerge(Workspace ws) {
    this.ws = ws;
  }

  /** Two mini-batches wrote different content to one path. */
  static final class ConflictException extends Exception {
    private static final long serialVersionUID = 1L;

    ConflictException(String message) {
      super(message);
    }
  }

  Map<String, StoredObject> merge(PlannedStep step, Component.Parallel par, Collection<BatchRecord> batches)
      throws IOException, ConflictException {
    Binding rowsTo = par.task().appendRowTo() == null ? null : par.task().appendRowTo().soleBinding();
    Map<String, StoredObject> out = new LinkedHashMap<>();
    for (String name : step.outputs().keySet()) {
      Map<String, TreeManifest.Entry> files = new LinkedHashMap<>();
      Map<String, Integer> writer = new LinkedHashMap<>();
      for (BatchRecord b : batches) {
        String tree = FlatJson.read(b.outputs()).get(name);
        if (tree == null) {
          continue;
        }
        for (TreeManifest.Entry e : ws.objects().readTree(tree).entries()) {
          TreeManifest.Entry prev = files.putIfAbsent(e.path(), e);
          if (prev != null && !prev.sha256().equals(e.sha256())) {
            throw new ConflictException("mini-batches " + writer.get(e.path()) + " and " + b.index() + " both wrote '"
                + e.path() + "' in output " + name + " with different content");
          }
          writer.putIfAbsent(e.path(), b.index());
        }
      }
      if (rowsTo != null && rowsTo.port().equals(name)) {
        StoredObject rows = concatRows(batches);
        files.put(ROWS_FILE, new TreeManifest.Entry(ROWS_FILE, rows.sha256(), rows.size(), false));
      }
      List<TreeManifest.Entry> entries = new ArrayList<>(files.values());
      TreeManifest m = new TreeManifest(entries);
      out.put(name, new StoredObject(ws.objects().putBytes(m.encode()).sha256(), StoredObject.Kind.TREE,
          m.totalSize(), entries.size()));
    }
    return out;
  }

  private StoredObject concatRows(Collection<BatchRecord> batches) throws IOException {
    Path tmp = Files.createTempFile(ws.root().resolve("tmp"), "rows", ".txt");
    try (OutputStream o = Files.newOutputStream(tmp)) {
      for (BatchRecord b : batches) {
        if (b.succeeded() && b.rowsSha256() != null) {
          byte[] rows = ws.objects().readBytes(b.rowsSha256());
          o.write(rows);
          if (rows.length > 0 && rows[rows.length - 1] != '\n') {
            o.write('\n');
          }
        }
      }
    }
    return ws.objects().moveFile(tmp);
  }
}
