package dev.trainyard.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * Reads objects out of an {@link ObjectStore}, loose or packed: whole, as a manifest, copied to a
 * file or folder, or only re-hashed. Kept apart from the writes because every read shares one
 * rule: the bytes are re-hashed, and a damaged object is never served (a loose one is moved into
 * quarantine, a packed one marked damaged in its pack).
 */
final class ObjectReads {
  private final ObjectStore store;
  private final Packs packs;
  private final Path quarantine;

  ObjectReads(ObjectStore store, Packs packs, Path quarantine) {
    this.store = store;
    this.packs = packs;
    this.quarantine = quarantine;
  }

  /**
   * Moves a damaged object aside (never deleting evidence), so that the next write of the same
   * content stores good bytes again instead of deduplicating against bad ones.
   */
  private void quarantine(String sha256) {
    try {
      Files.createDirectories(quarantine);
      Files.move(store.pathOf(sha256), quarantine.resolve(sha256 + "." + System.currentTimeMillis()),
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException ignored) {
      // Already moved by another reader, or gone: either way it is no longer served.
    }
  }

  /** As {@link ObjectStore#readBytes}. */
  byte[] readBytes(String sha256) throws IOException {
    Packs.Loc packed = null;
    byte[] b;
    try {
      b = Files.readAllBytes(store.pathOf(sha256));
    } catch (java.nio.file.NoSuchFileException e) {
      packed = packs.find(sha256);
      if (packed == null) {
        throw e;
      }
      b = packs.read(packed);
    }
    String actual = Sha256.of(b);
    if (!actual.equals(sha256)) {
      String where = packed != null ? packed.describe() : store.pathOf(sha256).toString();
      if (packed != null) {
        packs.damaged(sha256, packed);
      } else {
        quarantine(sha256);
      }
      throw new CorruptObjectException(sha256, actual, where);
    }
    return b;
  }

  TreeManifest readTree(String sha256) throws IOException {
    return TreeManifest.decode(new String(readBytes(sha256), StandardCharsets.UTF_8));
  }

  /** As {@link ObjectStore#materializeFile}. */
  void materializeFile(String sha256, Path dest, boolean executable) throws IOException {
    Path src = store.pathOf(sha256);
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

  /** As {@link ObjectStore#materializeTree}. */
  void materializeTree(String sha256, Path dest) throws IOException {
    Files.createDirectories(dest);
    for (TreeManifest.Entry e : readTree(sha256).entries()) {
      Path target = dest.resolve(e.path()).normalize();
      if (!target.startsWith(dest)) {
        throw new IOException("manifest " + sha256 + " names a path outside its folder: " + e.path());
      }
      materializeFile(e.sha256(), target, e.executable());
    }
  }

  /** As {@link ObjectStore#verify}. */
  boolean verify(String sha256, StoredObject.Kind kind) {
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
    Path p = store.pathOf(sha256);
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
      ObjectWrites.hash(ch, md);
    }
    if (!Sha256.hex(md.digest()).equals(sha256)) {
      quarantine(sha256);
      return false;
    }
    return true;
  }
}
