package dev.trainyard.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A content-addressed object store: every file is kept once under the SHA-256 of its bytes; a
 * folder is a {@link TreeManifest} of its files' hashes, stored the same way. Writes go to a
 * temporary file while hashing, are fsynced, then renamed into place atomically; an object that
 * is already present is reused. Reads re-hash, so a damaged or tampered object is never served.
 */
public final class ObjectStore {
  private static final int BUFFER = 1 << 20;
  private static final long SMALL = 1 << 20;
  private static final int BATCH_FILES = 32;
  private final Path objects;
  private final Path tmp;
  private final Path quarantine;
  private final Packs packs;

  /** Opens (creating if needed) the store under {@code root}: {@code root/objects}, {@code root/tmp}. */
  public ObjectStore(Path root) throws IOException {
    this.objects = Files.createDirectories(root.resolve("objects"));
    this.tmp = Files.createDirectories(root.resolve("tmp"));
    this.quarantine = root.resolve("quarantine");
    this.packs = new Packs(objects.resolve("packs"));
  }

  /**
   * Moves a damaged object aside (never deleting evidence), so that the next write of the same
   * content stores good bytes again instead of deduplicating against bad ones.
   */
  private void quarantine(String sha256) {
    try {
      Files.createDirectories(quarantine);
      Files.move(pathOf(sha256), quarantine.resolve(sha256 + "." + System.currentTimeMillis()),
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException ignored) {
      // Already moved by another reader, or gone: either way it is no longer served.
    }
  }

  /** Where an object's bytes live (present or not). */
  public Path pathOf(String sha256) {
    if (!Sha256.isHash(sha256)) {
      throw new IllegalArgumentException("not a SHA-256 hash: " + sha256);
    }
    return objects.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
  }

  /** Whether the object is stored, loose or packed. */
  public boolean contains(String sha256) {
    return Files.isRegularFile(pathOf(sha256)) || packs.find(sha256) != null;
  }

  /**
   * The object as a loose file at {@link #pathOf} (for hard links): a packed object is first
   * read, verified and stored loose, durably.
   */
  public Path loose(String sha256) throws IOException {
    Path p = pathOf(sha256);
    if (!Files.isRegularFile(p)) {
      Durability d = Durability.now();
      putBytes(readBytes(sha256), d, true);
      d.flush(objects);
    }
    return p;
  }

  /** An object's size in bytes, loose or packed. */
  public long size(String sha256) throws IOException {
    Path p = pathOf(sha256);
    if (Files.isRegularFile(p)) {
      return Files.size(p);
    }
    Packs.Loc l = packs.find(sha256);
    if (l == null) {
      throw new java.nio.file.NoSuchFileException(p.toString(), null, "object " + sha256 + " is missing from the store");
    }
    return l.length();
  }

  /** Stores a copy of {@code src}. */
  public StoredObject putFile(Path src) throws IOException {
    Durability d = Durability.now();
    StoredObject o = putFile(src, d);
    d.flush(objects);
    return o;
  }

  private StoredObject putFile(Path src, Durability d) throws IOException {
    if (Files.size(src) <= SMALL) {
      // Small files (logs, manifests, configs) are hashed in memory first: when the object is
      // already stored, nothing is written at all.
      return putBytes(Files.readAllBytes(src), d);
    }
    Path t = tmp.resolve(UUID.randomUUID() + ".part");
    MessageDigest md = Sha256.digest();
    long size = 0;
    try (FileChannel in = FileChannel.open(src, StandardOpenOption.READ);
        FileChannel ch = FileChannel.open(t, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      byte[] buf = BUFFERS.get();
      java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(buf);
      int n;
      while ((n = in.read(bb.clear())) >= 0) {
        md.update(buf, 0, n);
        bb.flip();
        while (bb.hasRemaining()) {
          ch.write(bb);
        }
        size += n;
      }
      d.file(ch);
    } catch (IOException e) {
      Files.deleteIfExists(t);
      throw e;
    }
    return install(t, Sha256.hex(md.digest()), size, d);
  }

  /**
   * Stores {@code src} by moving it into the store (for files the caller owns and will not use
   * again, such as a finished step's outputs): one read to hash, no copy.
   */
  public StoredObject moveFile(Path src) throws IOException {
    Durability d = Durability.now();
    StoredObject o = moveFile(src, d);
    d.flush(objects);
    return o;
  }

  private StoredObject moveFile(Path src, Durability d) throws IOException {
    MessageDigest md = Sha256.digest();
    long size;
    try (FileChannel ch = FileChannel.open(src, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      size = hash(ch, md);
      d.file(ch);
    }
    return install(src, Sha256.hex(md.digest()), size, d);
  }

  /**
   * Hashes a whole channel. Reads go into a heap array handed to the digest whole: given a direct
   * buffer, MessageDigest copies it out in 4 KiB pieces, which cost a third of the hashing speed.
   */
  static long hash(FileChannel ch, MessageDigest md) throws IOException {
    byte[] buf = BUFFERS.get();
    java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(buf);
    long total = 0;
    int n;
    while ((n = ch.read(bb.clear())) >= 0) {
      md.update(buf, 0, n);
      total += n;
    }
    return total;
  }

  /** One read buffer per thread (hashing threads are few and long-lived: the engine's, the tree pool's). */
  private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER]);

  /** Moves a durable, hashed file into its place, or drops it when the object already exists. */
  private StoredObject install(Path file, String hash, long size, Durability d) throws IOException {
    Path dest = pathOf(hash);
    if (Files.exists(dest)) {
      Files.deleteIfExists(file);
    } else {
      Files.createDirectories(dest.getParent());
      try {
        Files.move(file, dest, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException raced) {
        Files.deleteIfExists(file); // another writer stored the same bytes first
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("object store and source must be on one file system: " + file, e);
      }
      d.installed(dest);
    }
    return new StoredObject(hash, StoredObject.Kind.FILE, size, 1);
  }

  /** Stores a folder: each file, then its manifest. Symbolic links and special files are refused. */
  public StoredObject putTree(Path dir, boolean move) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> !p.equals(dir) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
    // Many files are made durable together before the manifest that names them: one file-system
    // sync instead of an fsync per file and per folder (each a device flush here). A few files are
    // cheaper to fsync one by one than to start `sync` for.
    Durability d = files.size() > BATCH_FILES ? Durability.batch() : Durability.now();
    if (!move && files.size() >= PackedFiles.MIN_FILES) {
      return putPacked(dir, files, d);
    }
    List<TreeManifest.Entry> entries = TreeFiles.store(files, f -> {
      String rel = dir.relativize(f).toString().replace('\\', '/');
      if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("'" + rel + "' in " + dir + " is a link or special file; outputs may hold only files and folders");
      }
      boolean exec = Files.isExecutable(f);
      StoredObject o = move ? moveFile(f, d) : putFile(f, d);
      return new TreeManifest.Entry(rel, o.sha256(), o.size(), exec);
    });
    return finishTree(entries, d);
  }

  /** A copied folder of many files: its small files go into one new pack (see {@link PackedFiles}). */
  private StoredObject putPacked(Path dir, List<Path> files, Durability d) throws IOException {
    packs.refresh(); // once: later lookups while storing use what is loaded (a miss costs a duplicate)
    PackWriter w = new PackWriter(tmp, packs);
    List<TreeManifest.Entry> entries;
    try {
      entries = TreeFiles.store(files, PackedFiles.THREADS, f -> PackedFiles.store(dir, f, w,
          h -> Files.isRegularFile(pathOf(h)) || packs.known(h) != null, p -> putFile(p, d)));
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
    StoredObject m = putBytes(manifest.encode());
    return new StoredObject(m.sha256(), StoredObject.Kind.TREE, manifest.totalSize(), entries.size());
  }

  /**
   * Stores several files and folders (a parallel step's mini-batch: its output folders, rows and
   * log) as {@link #putFile}, {@link #moveFile} and {@link #putTree} would: every file made
   * durable (concurrently) before any folder's manifest is written. Moved in when {@code move}.
   * Answers in order.
   */
  public List<StoredObject> putAll(List<Path> paths, boolean move) throws IOException {
    List<List<Path>> trees = new ArrayList<>();
    for (Path p : paths) {
      List<Path> files = null;
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> walk = Files.walk(p)) {
          files = walk.filter(f -> !f.equals(p) && !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
      }
      trees.add(files);
    }
    // Written without waiting, then fsynced file by file, several at once (never one syncfs:
    // mini-batches finish side by side, and a syncfs would also write out the other workers'
    // unfinished outputs, so their flushes would wait on each other).
    Durability d = Durability.batch();
    List<Object> stored = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      Path p = paths.get(i);
      if (trees.get(i) == null) {
        stored.add(move ? moveFile(p, d) : putFile(p, d));
        continue;
      }
      List<TreeManifest.Entry> entries = new ArrayList<>();
      for (Path f : trees.get(i)) {
        String rel = p.relativize(f).toString().replace('\\', '/');
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException("'" + rel + "' in " + p + " is a link or special file; outputs may hold only files and folders");
        }
        boolean exec = Files.isExecutable(f);
        StoredObject o = move ? moveFile(f, d) : putFile(f, d);
        entries.add(new TreeManifest.Entry(rel, o.sha256(), o.size(), exec));
      }
      stored.add(new TreeManifest(entries));
    }
    d.flushConcurrently(); // the files, before any manifest that names them
    Durability manifests = Durability.now();
    List<StoredObject> out = new ArrayList<>();
    for (Object o : stored) {
      if (o instanceof TreeManifest m) {
        StoredObject b = putBytes(m.encode(), manifests);
        out.add(new StoredObject(b.sha256(), StoredObject.Kind.TREE, m.totalSize(), m.entries().size()));
      } else {
        out.add((StoredObject) o);
      }
    }
    manifests.flush(objects);
    return out;
  }

  /** Stores bytes (manifests, logs). */
  public StoredObject putBytes(byte[] bytes) throws IOException {
    Durability d = Durability.now();
    StoredObject o = putBytes(bytes, d);
    d.flush(objects);
    return o;
  }

  private StoredObject putBytes(byte[] bytes, Durability d) throws IOException {
    return putBytes(bytes, d, false);
  }

  private StoredObject putBytes(byte[] bytes, Durability d, boolean looseOnly) throws IOException {
    String hash = Sha256.of(bytes);
    if (looseOnly ? Files.isRegularFile(pathOf(hash)) : contains(hash)) {
      return new StoredObject(hash, StoredObject.Kind.FILE, bytes.length, 1);
    }
    Path t = tmp.resolve(UUID.randomUUID() + ".part");
    try (FileChannel ch = FileChannel.open(t, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(bytes));
      d.file(ch);
    }
    return install(t, hash, bytes.length, d);
  }

  /** Reads a whole object, checking its hash. */
  public byte[] readBytes(String sha256) throws IOException {
    Packs.Loc packed = null;
    byte[] b;
    try {
      b = Files.readAllBytes(pathOf(sha256));
    } catch (java.nio.file.NoSuchFileException e) {
      packed = packs.find(sha256);
      if (packed == null) {
        throw e;
      }
      b = packs.read(packed);
    }
    String actual = Sha256.of(b);
    if (!actual.equals(sha256)) {
      String where = packed != null ? packed.describe() : pathOf(sha256).toString();
      if (packed != null) {
        packs.damaged(sha256, packed);
      } else {
        quarantine(sha256);
      }
      throw new CorruptObjectException(sha256, actual, where);
    }
    return b;
  }

  public TreeManifest readTree(String sha256) throws IOException {
    return TreeManifest.decode(new String(readBytes(sha256), StandardCharsets.UTF_8));
  }

  /** Copies a file object to {@code dest}, verifying the bytes as they are copied. */
  public void materializeFile(String sha256, Path dest, boolean executable) throws IOException {
    Path src = pathOf(sha256);
    if (!Files.isRegularFile(src) && packs.find(sha256) != null) {
      byte[] b = readBytes(sha256); // verified before a byte is written
      Files.createDirectories(dest.getParent());
      Files.write(dest, b);
      if (executable) {
        dest.toFile().setExecutable(true, false);
      }
      return;
    }
    if (!Files.isRegularFile(src)) {
      throw new java.nio.file.NoSuchFileException(src.toString(), null, "object " + sha256 + " is missing from the store");
    }
    MessageDigest md = Sha256.digest();
    Files.createDirectories(dest.getParent());
    try (InputStream in = new DigestInputStream(Files.newInputStream(src), md)) {
      Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
    }
    String actual = Sha256.hex(md.digest());
    if (!actual.equals(sha256)) {
      Files.deleteIfExists(dest);
      quarantine(sha256);
      throw new CorruptObjectException(sha256, actual, src.toString());
    }
    if (executable) {
      dest.toFile().setExecutable(true, false);
    }
  }

  /** Recreates a stored folder under {@code dest} (which may exist and be empty). */
  public void materializeTree(String sha256, Path dest) throws IOException {
    Files.createDirectories(dest);
    for (TreeManifest.Entry e : readTree(sha256).entries()) {
      Path target = dest.resolve(e.path()).normalize();
      if (!target.startsWith(dest)) {
        throw new IOException("manifest " + sha256 + " names a path outside its folder: " + e.path());
      }
      materializeFile(e.sha256(), target, e.executable());
    }
  }

  /** Re-hashes an object (and, for a tree, every file in it); true when intact. */
  public boolean verify(String sha256, StoredObject.Kind kind) {
    try {
      if (kind == StoredObject.Kind.TREE) {
        for (TreeManifest.Entry e : readTree(sha256).entries()) {
          if (!verifyFile(e.sha256())) {
            return false;
          }
        }
        return true;
      }
      return verifyFile(sha256);
    } catch (IOException e) {
      return false;
    }
  }

  private boolean verifyFile(String sha256) throws IOException {
    Path p = pathOf(sha256);
    if (!Files.isRegularFile(p)) {
      if (packs.find(sha256) == null) {
        return false;
      }
      try {
        readBytes(sha256);
        return true;
      } catch (CorruptObjectException damaged) {
        return false;
      }
    }
    MessageDigest md = Sha256.digest();
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      hash(ch, md);
    }
    if (!Sha256.hex(md.digest()).equals(sha256)) {
      quarantine(sha256);
      return false;
    }
    return true;
  }

}
