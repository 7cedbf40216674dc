package dev.trainyard.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A folder's content: one line per file, sorted by path, {@code SHA256 SIZE MODE PATH} where MODE
 * is {@code x} for executable files and {@code -} otherwise, and PATH uses '/' with '%', CR and
 * LF percent-encoded. The same folder content always gives the same bytes, hence the same hash.
 */
public record TreeManifest(List<Entry> entries) {

  /** One file of the folder. */
  public record Entry(String path, String sha256, long size, boolean executable) {}

  public TreeManifest {
    entries = entries.stream().sorted(Comparator.comparing(Entry::path)).toList();
  }

  public long totalSize() {
    return entries.stream().mapToLong(Entry::size).sum();
  }

  public byte[] encode() {
    StringBuilder sb = new StringBuilder("trainyard-tree 1\n");
    for (Entry e : entries) {
      sb.append(e.sha256()).append(' ').append(e.size()).append(' ').append(e.executable() ? 'x' : '-').append(' ')
          .append(e.path().replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D")).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static TreeManifest decode(String text) throws IOException {
    String[] lines = text.split("\n", -1);
    if (lines.length == 0 || !lines[0].equals("trainyard-tree 1")) {
      throw new IOException("not a tree manifest");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] f = lines[i].split(" ", 4);
      if (f.length != 4 || !Sha256.isHash(f[0])) {
        throw new IOException("malformed tree manifest line " + (i + 1));
      }
      String path = f[3].replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
      entries.add(new Entry(path, f[0], Long.parseLong(f[1]), f[2].equals("x")));
    }
    return new TreeManifest(entries);
  }
}
