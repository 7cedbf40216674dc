package dev.trainyard.engine;

import dev.trainyard.spec.MiniBatchSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Splits a parallel step's {@code input_data} into mini-batches: by file count, or by total size. */
final class MiniBatches {
  private MiniBatches() {}

  /** One mini-batch: its index and files, in a stable order. */
  record Batch(int index, List<Path> files, long bytes) {}

  /** The files of an input: itself when it is a file, else every file below it, sorted by path. */
  static List<Path> items(Path input) throws IOException {
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    try (Stream<Path> s = Files.walk(input)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  static List<Batch> split(List<Path> items, MiniBatchSize size) throws IOException {
    return split(items, size, p -> Files.size(p));
  }

  /** A file's size in bytes. */
  interface Sizes {
    long of(Path p) throws IOException;
  }

  /** Splits files whose sizes come from {@code sizes} (for files not staged yet: their manifest). */
  static List<Batch> split(List<Path> items, MiniBatchSize size, Sizes sizes) throws IOException {
    List<Batch> out = new ArrayList<>();
    List<Path> cur = new ArrayList<>();
    long bytes = 0;
    for (Path p : items) {
      long len = sizes.of(p);
      boolean full = size.bySize() ? !cur.isEmpty() && bytes + len > size.bytes() : cur.size() == size.files();
      if (full) {
        out.add(new Batch(out.size(), List.copyOf(cur), bytes));
        cur.clear();
        bytes = 0;
      }
      cur.add(p);
      bytes += len;
    }
    if (!cur.isEmpty()) {
      out.add(new Batch(out.size(), List.copyOf(cur), bytes));
    }
    return out;
  }
}
