package dev.trainyard.store.lineage;

import dev.trainyard.store.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The SHA-256 of a local file, or of every file under a folder: the identity the object store keeps content by. */
final class ContentHashes {
  private ContentHashes() {}

  /**
   * Hash to the local paths holding that content (a folder's files in path order), each named as
   * under {@code shownAs} rather than {@code path}.
   */
  static Map<String, List<String>> of(Path path, Path shownAs) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (Files.isDirectory(path)) {
      List<Path> files;
      // Links are not followed: a link out of the folder is not part of its content.
      try (Stream<Path> s = Files.walk(path)) {
        files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
      }
      for (Path f : files) {
        out.computeIfAbsent(hash(f), k -> new ArrayList<>()).add(shownAs.resolve(path.relativize(f)).toString());
      }
    } else {
      out.computeIfAbsent(hash(path), k -> new ArrayList<>()).add(shownAs.toString());
    }
    return out;
  }

  static String hash(Path file) throws IOException {
    MessageDigest d = Sha256.digest();
    byte[] buf = new byte[1 << 18];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
    }
    return Sha256.hex(d.digest());
  }
}
