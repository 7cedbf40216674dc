package dev.trainyard.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers: digests and their lowercase hex form, the object store's identity. */
public final class Sha256 {
  private Sha256() {}

  /**
   * A fresh digest, cloned from one that is never used: a step hashes dozens of small things
   * (manifests, logs, cache keys), and looking the algorithm up among the security providers
   * each time cost more than hashing them.
   */
  public static MessageDigest digest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return lookUp();
    }
  }

  private static final MessageDigest PROTOTYPE = lookUp();

  private static MessageDigest lookUp() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  public static String of(byte[] bytes) {
    return hex(digest().digest(bytes));
  }

  /** True for a well-formed hash: 64 lowercase hex digits. */
  public static boolean isHash(String s) {
    // A plain loop, not the regex it replaced: this runs for every object a step touches.
    if (s == null || s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
