package dev.trainyard.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A content-addressed object store: every file is kept once under the SHA-256 of its bytes; a
 * folder is a {@link TreeManifest} of its files' hashes, stored the same way. Writes go to a
 * temporary file while hashing, are fsynced, then renamed into place atomically; an object that
 * is already present is reused. Reads re-hash, so a damaged or tampered object is never served.
 *
 * <p>This class is the facade and knows where objects live; the work is done by {@link
 * ObjectWrites} (one object), {@link TreeWriter} (folders and lists of paths) and {@link
 * ObjectReads} (reading, materializing, verifying, quarantine).
 */
public final class ObjectStore {
  private final Path objects;
  private final Packs packs;
  private final ObjectWrites writes;
  private final TreeWriter trees;
  private final ObjectReads reads;

  /** Opens (creating if needed) the store under {@code root}: {@code root/objects}, {@code root/tmp}. */
  public ObjectStore(Path root) throws IOException {
    this.objects = Files.createDirectories(root.resolve("objects"));
    Path tmp = Files.createDirectories(root.resolve("tmp"));
    this.packs = new Packs(objects.resolve("packs"));
    this.writes = new ObjectWrites(this, tmp);
    this.trees = new TreeWriter(this, writes, objects, tmp, packs);
    this.reads = new ObjectReads(this, packs, root.resolve("quarantine"));
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
      writes.putBytes(reads.readBytes(sha256), d, true);
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
    StoredObject o = writes.putFile(src, d);
    d.flush(objects);
    return o;
  }

  /**
   * Stores {@code src} by moving it into the store (for files the caller owns and will not use
   * again, such as a finished step's outputs): one read to hash, no copy.
   */
  public StoredObject moveFile(Path src) throws IOException {
    Durability d = Durability.now();
    StoredObject o = writes.moveFile(src, d);
    d.flush(objects);
    return o;
  }

  /** Stores a folder: each file, then its manifest. Symbolic links and special files are refused. */
  public StoredObject putTree(Path dir, boolean move) throws IOException {
    return trees.putTree(dir, move);
  }

  /**
   * Stores several files and folders (a parallel step's mini-batch: its output folders, rows and
   * log) as {@link #putFile}, {@link #moveFile} and {@link #putTree} would: every file made
   * durable (concurrently) before any folder's manifest is written. Moved in when {@code move}.
   * Answers in order.
   */
  public List<StoredObject> putAll(List<Path> paths, boolean move) throws IOException {
    return trees.putAll(paths, move);
  }

  /** Stores bytes (manifests, logs). */
  public StoredObject putBytes(byte[] bytes) throws IOException {
    Durability d = Durability.now();
    StoredObject o = writes.putBytes(bytes, d);
    d.flush(objects);
    return o;
  }

  /** Reads a whole object, checking its hash. */
  public byte[] readBytes(String sha256) throws IOException {
    return reads.readBytes(sha256);
  }

  public TreeManifest readTree(String sha256) throws IOException {
    return reads.readTree(sha256);
  }

  /** Copies a file object to {@code dest}, verifying the bytes as they are copied. */
  public void materializeFile(String sha256, Path dest, boolean executable) throws IOException {
    reads.materializeFile(sha256, dest, executable);
  }

  /** Recreates a stored folder under {@code dest} (which may exist and be empty). */
  public void materializeTree(String sha256, Path dest) throws IOException {
    reads.materializeTree(sha256, dest);
  }

  /** Re-hashes an object (and, for a tree, every file in it); true when intact. */
  public boolean verify(String sha256, StoredObject.Kind kind) {
    return reads.verify(sha256, kind);
  }
}
