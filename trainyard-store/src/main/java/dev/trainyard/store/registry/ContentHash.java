package dev.trainyard.store.registry;

import dev.trainyard.store.Sha256;
import dev.trainyard.store.TreeManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hash a file or folder would be stored under, computed without storing anything: used to
 * tell "same content again" (a no-op) from "other content" (refused) for an existing version,
 * before a single byte is written.
 */
final class ContentHash {
  private ContentHash() {}

  static String of(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return file(path);
    }
    List<TreeManifest.Entry> entries = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path f : walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        entries.add(new TreeManifest.Entry(path.relativize(f).toString().replace('\\', '/'), file(f), Files.size(f),
            Files.isExecutable(f)));
      }
    }
    return Sha256.of(new TreeManifest(entries).encode());
  }

  private static String file(Path f) throws IOException {
    MessageDigest md = Sha256.digest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(f)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return Sha256.hex(md.digest());
  }
}
