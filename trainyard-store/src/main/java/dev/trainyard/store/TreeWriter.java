package dev.trainyard.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stores folders and lists of paths into an {@link ObjectStore}: each folder's files, then its
 * {@link TreeManifest}. Kept apart from the single-object writes ({@link ObjectWrites}) because
 * its work is ordering many writes: every file durable before the manifest that names it, with
 * one flush for many files where that is cheaper, and a copied folder of many small files packed
 * (see {@link PackedFiles}).
 */
final class TreeWriter {
  private static final int BATCH_FILES = 32;
  private final ObjectStore store;
  private final ObjectWrites writes;
  private final Path objects;
  private final Path tmp;
  private final Packs packs;

  TreeWriter(ObjectStore store, ObjectWrites writes, Path objects, Path tmp, Packs packs) {
    this.store = store;
    this.writes = writes;
    this.objects = objects;
    this.tmp = tmp;
    this.packs = packs;
  }

  /** As {@link ObjectStore#putTree}. */
  StoredObject putTree(Path dir, boolean move) throws IOException {
    List<Path> files = files(dir);
    // Many files are made durable together before the manifest that names them: one file-system
    // sync instead of an fsync per file and per folder (each a device flush here). A few files are
    // cheaper to fsync one by one than to start `sync` for.
    Durability d = files.size() > BATCH_FILES ? Durability.batch() : Durability.now();
    if (!move && files.size() >= PackedFiles.MIN_FILES) {
      return putPacked(dir, files, d);
    }
    List<TreeManifest.Entry> entries = TreeFiles.store(files, f -> entry(dir, f, move, d));
    return finishTree(entries, d);
  }

  /** A folder's files (not its folders), sorted; links and special files are included, to be refused. */
  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !p.equals(dir) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
  }

  /** Stores one file of folder {@code dir}, copied or moved, answering its manifest entry. */
  private TreeManifest.Entry entry(Path dir, Path f, boolean move, Durability d) throws IOException {
    String rel = dir.relativize(f).toString().replace('\\', '/');
    if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("'" + rel + "' in " + dir + " is a link or special file; outputs may hold only files and folders");
    }
    boolean exec = Files.isExecutable(f);
    StoredObject o = move ? writes.moveFile(f, d) : writes.putFile(f, d);
    return new TreeManifest.Entry(rel, o.sha256(), o.size(), exec);
  }

  /** A copied folder of many files: its small files go into one new pack (see {@link PackedFiles}). */
  private StoredObject putPacked(Path dir, List<Path> files, Durability d) throws IOException {
    packs.refresh(); // once: later lookups while storing use what is loaded (a miss costs a duplicate)
    PackWriter w = new PackWriter(tmp, packs);
    List<TreeManifest.Entry> entries;
    try {
      entries = TreeFiles.store(files, PackedFiles.THREADS, f -> PackedFiles.store(dir, f, w,
          h -> Files.isRegularFile(store.pathOf(h)) || packs.known(h) != null, p -> writes.putFile(p, d)));
      d.flush(objects);
      w.finish(); // fsynced, with its index, before the manifest that names its objects
    } catch (IOException | RuntimeException e) {
      w.abort();
      throw e;
    }
    return finishTree(entries, d);
  }

  private StoredObject finishTree(List<TreeManifest.Entry> entries, Durability d) throws IOException {
    d.flush(objects);
    TreeManifest manifest = new TreeManifest(entries);
    StoredObject m = store.putBytes(manifest.encode());
    return new StoredObject(m.sha256(), StoredObject.Kind.TREE, manifest.totalSize(), entries.size());
  }

  /** As {@link ObjectStore#putAll}. */
  List<StoredObject> putAll(List<Path> paths, boolean move) throws IOException {
    List<List<Path>> trees = new ArrayList<>();
    for (Path p : paths) {
      trees.add(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? files(p) : null);
    }
    // Written without waiting, then fsynced file by file, several at once (never one syncfs:
    // mini-batches finish side by side, and a syncfs would also write out the other workers'
    // unfinished outputs, so their flushes would wait on each other).
    Durability d = Durability.batch();
    List<Object> stored = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      Path p = paths.get(i);
      if (trees.get(i) == null) {
        stored.add(move ? writes.moveFile(p, d) : writes.putFile(p, d));
        continue;
      }
      List<TreeManifest.Entry> entries = new ArrayList<>();
      for (Path f : trees.get(i)) {
        entries.add(entry(p, f, move, d));
      }
      stored.add(new TreeManifest(entries));
    }
    d.flushConcurrently(); // the files, before any manifest that names them
    Durability manifests = Durability.now();
    List<StoredObject> out = new ArrayList<>();
    for (Object o : stored) {
      if (o instanceof TreeManifest m) {
        StoredObject b = writes.putBytes(m.encode(), manifests);
        out.add(new StoredObject(b.sha256(), StoredObject.Kind.TREE, m.totalSize(), m.entries().size()));
      } else {
        out.add((StoredObject) o);
      }
    }
    manifests.flush(objects);
    return out;
  }
}
