package dev.trainyard.engine;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.Environment;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.Step;
import dev.trainyard.store.ObjectStore;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.TreeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A component as registered: one stored tree holding its YAML and everything the YAML points at
 * by relative path — its code snapshot (honouring {@code .trainyardignore}), conda file, and for a
 * pipeline component its steps' component files and their code — laid out as on disk under their
 * nearest common folder. Loaded from a materialised copy, relative paths in the YAML still
 * resolve, without rewriting the file (so error positions still point at the user's lines).
 *
 * @param entry the YAML's path inside the tree
 */
public record ComponentBundle(StoredObject tree, String entry) {

  /** Stores the bundle of {@code c}. */
  public static ComponentBundle store(ObjectStore store, Path workspace, Component c) throws IOException {
    Map<Path, Boolean> parts = new LinkedHashMap<>(); // path -> is a code folder (snapshotted with ignore rules)
    collect(c, parts, new LinkedHashSet<>());
    Path root = c.source().toAbsolutePath().normalize().getParent();
    for (Path p : parts.keySet()) {
      Path dir = Files.isDirectory(p) ? p : p.getParent();
      while (!dir.startsWith(root)) {
        root = root.getParent();
      }
    }
    CodeSnapshots snapshots = new CodeSnapshots(store, workspace);
    Map<String, TreeManifest.Entry> entries = new LinkedHashMap<>();
    for (var e : parts.entrySet()) {
      Path p = e.getKey();
      String prefix = root.relativize(Files.isDirectory(p) ? p : p.getParent()).toString().replace('\\', '/');
      StoredObject snap = snapshots.snapshot(p);
      for (TreeManifest.Entry f : store.readTree(snap.sha256()).entries()) {
        String path = prefix.isEmpty() ? f.path() : prefix + "/" + f.path();
        entries.putIfAbsent(path, new TreeManifest.Entry(path, f.sha256(), f.size(), f.executable()));
      }
    }
    TreeManifest m = new TreeManifest(new ArrayList<>(entries.values()));
    StoredObject tree = new StoredObject(store.putBytes(m.encode()).sha256(), StoredObject.Kind.TREE,
        m.totalSize(), m.entries().size());
    String entry = root.relativize(c.source().toAbsolutePath().normalize()).toString().replace('\\', '/');
    return new ComponentBundle(tree, entry);
  }

  private static void collect(Component c, Map<Path, Boolean> parts, Set<Path> seen) {
    Path yaml = c.source().toAbsolutePath().normalize();
    if (!seen.add(yaml)) {
      return;
    }
    parts.put(yaml, false);
    List<Reference> refs = new ArrayList<>();
    if (c instanceof Component.Command cmd) {
      refs.add(cmd.code());
      refs.addAll(cmd.additionalIncludes());
      refs.add(conda(cmd.environment()));
    } else if (c instanceof Component.Parallel par) {
      refs.add(par.task().code());
      refs.add(conda(par.task().environment()));
    } else if (c instanceof Component.Spark spark) {
      refs.add(spark.code());
      refs.add(conda(spark.environment()));
    } else if (c instanceof Component.Pipeline pipe) {
      for (Step s : pipe.jobs().values()) {
        if (s.component() != null && s.componentRef() instanceof Reference.LocalPath) {
          collect(s.component(), parts, seen);
        }
      }
    }
    for (Reference r : refs) {
      if (r instanceof Reference.LocalPath lp && Files.exists(lp.path())) {
        parts.putIfAbsent(lp.path().toAbsolutePath().normalize(), Files.isDirectory(lp.path()));
      }
    }
  }

  private static Reference conda(Environment e) {
    return e == null ? null : e.condaFile();
  }
}
