package dev.trainyard.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The packed objects of a store: {@code objects/packs/ID.pack} holds many small objects' bytes one
 * after another, and {@code ID.idx} names each ({@code SHA256 OFFSET LENGTH} per line). A pack is
 * written whole, fsynced, and only then its index renamed in, so an index names only durable
 * bytes and a pack without an index is never read. Packs are never changed once written. This
 * class finds and reads entries; callers check the hash of what it returns, as for loose objects.
 * A damaged entry is listed in {@code packs/damaged} ({@code SHA256 PACK}) and no longer found, so
 * the next write of the same content stores good bytes (loose or in a new pack) instead of
 * deduplicating against bad ones.
 */
final class Packs {
  static final String PACK_HEADER = "trainyard-pack 1\n";
  static final String INDEX_HEADER = "trainyard-pack-index 1\n";

  /** Where one packed object's bytes are. */
  record Loc(Path pack, long offset, int length) {
    String describe() {
      return pack + " at offset " + offset;
    }
  }

  private final Path dir;
  private final Map<String, Loc> index = new ConcurrentHashMap<>();
  private final Set<String> loaded = new HashSet<>();
  private final Set<String> damaged = ConcurrentHashMap.newKeySet();
  private final Map<Path, FileChannel> open = new ConcurrentHashMap<>();
  private FileTime seen;

  Packs(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** The entry for {@code sha256}, loading packs written since the last look (by any process). */
  Loc find(String sha256) {
    Loc l = index.get(sha256);
    if (l == null && refresh()) {
      l = index.get(sha256);
    }
    return l;
  }

  /** The entry for {@code sha256} among the packs already loaded (a miss only costs a duplicate). */
  Loc known(String sha256) {
    return index.get(sha256);
  }

  /** Loads indexes not loaded yet; true when something changed. One stat when nothing did. */
  synchronized boolean refresh() {
    FileTime now;
    try {
      now = Files.getLastModifiedTime(dir);
    } catch (IOException e) {
      return false; // no packs yet
    }
    if (now.equals(seen)) {
      return false;
    }
    seen = now;
    try {
      Path bad = dir.resolve("damaged");
      if (Files.exists(bad)) {
        for (String s : Files.readAllLines(bad, StandardCharsets.UTF_8)) {
          damaged.add(s.trim());
          String[] f = s.trim().split(" ");
          Loc l = index.get(f[0]);
          if (l != null && f.length == 2 && l.pack().getFileName().toString().equals(f[1])) {
            index.remove(f[0]);
          }
        }
      }
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.idx")) {
        for (Path idx : ds) {
          String name = idx.getFileName().toString();
          if (loaded.add(name)) {
            load(idx, dir.resolve(name.substring(0, name.length() - 4) + ".pack"));
          }
        }
      }
    } catch (IOException e) {
      return true; // what could be read is loaded; the rest is missing, as if never written
    }
    return true;
  }

  private void load(Path idx, Path pack) throws IOException {
    List<String> lines = Files.readAllLines(idx, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !(lines.get(0) + "\n").equals(INDEX_HEADER)) {
      return; // not an index: nothing in it is served
    }
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(" ");
      if (f.length == 3 && Sha256.isHash(f[0]) && !damaged.contains(f[0] + " " + pack.getFileName())) {
        index.putIfAbsent(f[0], new Loc(pack, Long.parseLong(f[1]), Integer.parseInt(f[2])));
      }
    }
  }

  /** Makes a pack this process just wrote findable at once (its index is not read back). */
  synchronized void add(String indexName, Map<String, Loc> entries) {
    loaded.add(indexName);
    index.putAll(entries);
  }

  /** The entry's bytes as stored (unchecked: the caller hashes them). */
  byte[] read(Loc l) throws IOException {
    FileChannel ch = open.computeIfAbsent(l.pack(), p -> {
      try {
        return FileChannel.open(p, StandardOpenOption.READ);
      } catch (IOException e) {
        return null;
      }
    });
    if (ch == null) {
      throw new NoSuchFileException(l.pack().toString(), null, "pack is missing from the store");
    }
    ByteBuffer b = ByteBuffer.allocate(l.length());
    long pos = l.offset();
    while (b.hasRemaining()) {
      int n = ch.read(b, pos);
      if (n < 0) {
        break; // a truncated pack: the short read fails the hash check
      }
      pos += n;
    }
    return b.hasRemaining() ? java.util.Arrays.copyOf(b.array(), b.position()) : b.array();
  }

  /** Stops serving a damaged entry, in this process and (through {@code packs/damaged}) in later ones. */
  void damaged(String sha256, Loc l) {
    String key = sha256 + " " + l.pack().getFileName();
    damaged.add(key);
    index.remove(sha256, l);
    try (FileChannel ch = FileChannel.open(dir.resolve("damaged"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ch.write(ByteBuffer.wrap((key + "\n").getBytes(StandardCharsets.US_ASCII)));
      ch.force(true);
    } catch (IOException ignored) {
      // Still detected on every read: the hash check, not this list, keeps bad bytes from being served.
    }
  }
}
