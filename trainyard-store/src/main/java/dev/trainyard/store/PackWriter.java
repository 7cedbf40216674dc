package dev.trainyard.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one pack (see {@link Packs}): objects are appended to a temporary file in the store's
 * {@code tmp/} by any thread; {@link #finish} fsyncs it, renames it into {@code packs/}, then
 * writes, fsyncs and renames in its index, and fsyncs the folder. Until the index is in place
 * nothing names the pack, so a crash at any point leaves only unreferenced temporary bytes.
 */
final class PackWriter {
  private final Path tmp;
  private final Packs packs;
  private final String id = UUID.randomUUID().toString();
  private final Map<String, Packs.Loc> entries = new LinkedHashMap<>();
  private FileChannel out;
  private Path part;
  private long size;

  PackWriter(Path tmp, Packs packs) {
    this.tmp = tmp;
    this.packs = packs;
  }

  private Path packPath() {
    return packs.dir().resolve(id + ".pack");
  }

  /** Appends an object unless this pack already holds it. Thread-safe. */
  synchronized void add(String sha256, byte[] bytes) throws IOException {
    if (entries.containsKey(sha256)) {
      return;
    }
    if (out == null) {
      part = tmp.resolve(id + ".pack.part");
      out = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      write(PACK_HEADER);
    }
    long at = size;
    write(bytes);
    entries.put(sha256, new Packs.Loc(packPath(), at, bytes.length));
  }

  private static final byte[] PACK_HEADER = Packs.PACK_HEADER.getBytes(StandardCharsets.US_ASCII);

  private void write(byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      size += out.write(b);
    }
  }

  /** Makes the pack durable and findable; a no-op when nothing was added. */
  synchronized void finish() throws IOException {
    if (out == null) {
      return;
    }
    try {
      out.force(true);
      out.close();
      out = null;
      Files.createDirectories(packs.dir());
      Files.move(part, packPath(), StandardCopyOption.ATOMIC_MOVE);
      StringBuilder sb = new StringBuilder(Packs.INDEX_HEADER);
      for (Map.Entry<String, Packs.Loc> e : entries.entrySet()) {
        sb.append(e.getKey()).append(' ').append(e.getValue().offset()).append(' ').append(e.getValue().length())
            .append('\n');
      }
      Path idxPart = tmp.resolve(id + ".idx.part");
      try (FileChannel ch = FileChannel.open(idxPart, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.US_ASCII));
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      Files.move(idxPart, packs.dir().resolve(id + ".idx"), StandardCopyOption.ATOMIC_MOVE);
      try (FileChannel d = FileChannel.open(packs.dir(), StandardOpenOption.READ)) {
        d.force(true); // both renames, before any manifest names these objects
      }
    } catch (IOException e) {
      abort();
      throw e;
    }
    packs.add(id + ".idx", entries);
  }

  /** Drops what was written (after a failure): nothing names it. */
  synchronized void abort() {
    try {
      if (out != null) {
        out.close();
        out = null;
      }
      if (part != null) {
        Files.deleteIfExists(part);
      }
      Files.deleteIfExists(tmp.resolve(id + ".idx.part"));
    } catch (IOException ignored) {
      // Temporary bytes that nothing names: harmless.
    }
  }

  synchronized int count() {
    return entries.size();
  }
}
