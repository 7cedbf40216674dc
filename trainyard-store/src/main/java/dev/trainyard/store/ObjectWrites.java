package dev.trainyard.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * Writes one object into an {@link ObjectStore}: a copied file, a moved file or bytes. Kept apart
 * from the facade because every write follows the same durability order, in one place: write to
 * a temporary file while hashing, fsync it (through the caller's {@link Durability}), rename it
 * into place atomically, or drop it when the object is already present. The caller flushes the
 * {@link Durability} (the objects' folders) when its whole write is done.
 */
final class ObjectWrites {
  private static final int BUFFER = 1 << 20;
  private static final long SMALL = 1 << 20;
  private final ObjectStore store;
  private final Path tmp;

  ObjectWrites(ObjectStore store, Path tmp) {
    this.store = store;
    this.tmp = tmp;
  }

  StoredObject putFile(Path src, Durability d) throws IOException {
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

  StoredObject moveFile(Path src, Durability d) throws IOException {
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
    Path dest = store.pathOf(hash);
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

  StoredObject putBytes(byte[] bytes, Durability d) throws IOException {
    return putBytes(bytes, d, false);
  }

  /**
   * Stores bytes unless present: anywhere (loose or packed), or only loose when {@code looseOnly}
   * (to turn a packed object into a loose file).
   */
  StoredObject putBytes(byte[] bytes, Durability d, boolean looseOnly) throws IOException {
    String hash = Sha256.of(bytes);
    if (looseOnly ? Files.isRegularFile(store.pathOf(hash)) : store.contains(hash)) {
      return new StoredObject(hash, StoredObject.Kind.FILE, bytes.length, 1);
    }
    Path t = tmp.resolve(UUID.randomUUID() + ".part");
    try (FileChannel ch = FileChannel.open(t, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(bytes));
      d.file(ch);
    }
    return install(t, hash, bytes.length, d);
  }
}
