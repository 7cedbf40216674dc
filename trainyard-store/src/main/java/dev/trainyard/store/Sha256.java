package dev.trainyard.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 helpers: digests and their lowercase hex form, the object store's identity. */
public final class Sha256 {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  private Sha256() {}

  public static MessageDigest digest() {
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
    return s != null && HEX.matcher(s).matches();
  }
}
