package dev.trainyard.engine;

import dev.trainyard.store.ObjectStore;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.TreeManifest;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Snapshots of steps' {@code code}: every file not ignored by {@code .trainyardignore} stored by
 * content, the folder as a tree. The workspace itself and {@code .git} are never part of a
 * snapshot. Snapshots are memoised per run, as several steps usually share one code folder.
 */
public final class CodeSnapshots {
  private final ObjectStore store;
  private final Path workspace;
  private final Map<Path, StoredObject> done = new ConcurrentHashMap<>();

  public CodeSnapshots(ObjectStore store, Path workspace) {
    this.store = store;
    this.workspace = workspace.toAbsolutePath().normalize();
  }

  /** The snapshot of a code folder, or of a single code file (a tree holding that file). */
  public StoredObject snapshot(Path code) throws IOException {
    Path key = code.toAbsolutePath().normalize();
    StoredObject known = done.get(key);
    if (known != null) {
      return known;
    }
    StoredObject s = Files.isDirectory(key) ? folder(key) : file(key);
    done.put(key, s);
    return s;
  }

  private StoredObject file(Path f) throws IOException {
    StoredObject o = store.putFile(f);
    TreeManifest m = new TreeManifest(List.of(new TreeManifest.Entry(f.getFileName().toString(), o.sha256(), o.size(),
        Files.isExecutable(f))));
    return new StoredObject(store.putBytes(m.encode()).sha256(), StoredObject.Kind.TREE, o.size(), 1);
  }

  private StoredObject folder(Path root) throws IOException {
    IgnoreRules rules = IgnoreRules.load(root);
    List<TreeManifest.Entry> entries = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.equals(root)) {
          return FileVisitResult.CONTINUE;
        }
        String rel = rel(root, dir);
        boolean skip = dir.startsWith(workspace) || dir.getFileName().toString().equals(".git")
            || dir.getFileName().toString().equals(".trainyard") || rules.ignored(rel, true);
        return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
        String rel = rel(root, f);
        if (!rules.ignored(rel, false) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          StoredObject o = store.putFile(f);
          entries.add(new TreeManifest.Entry(rel, o.sha256(), o.size(), Files.isExecutable(f)));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    TreeManifest m = new TreeManifest(entries);
    return new StoredObject(store.putBytes(m.encode()).sha256(), StoredObject.Kind.TREE, m.totalSize(), entries.size());
  }

  private static String rel(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
