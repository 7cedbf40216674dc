package dev.trainyard.store;

/**
 * What the object store holds under one hash: a file, or a folder (a tree: the manifest of its
 * files' hashes, itself stored by content).
 *
 * @param size total bytes of the file or of all files in the tree
 * @param files 1 for a file, the number of files for a tree
 */
public record StoredObject(String sha256, Kind kind, long size, long files) {

  /** File or folder. */
  public enum Kind {
    FILE,
    TREE
  }

  public StoredObject {
    if (!Sha256.isHash(sha256)) {
      throw new IllegalArgumentException("not a SHA-256 hash: " + sha256);
    }
  }
}
