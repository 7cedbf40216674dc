import dev.trainyard.store.ObjectStore;
import dev.trainyard.store.StoredObject;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stores a folder twice — copying (inputs) and moving (step outputs) — and prints MB/s. */
public class StoreBench {
  public static void main(String[] a) throws Exception {
    Path src = Path.of(a[0]);
    Path ws = Path.of(a[1]);
    long bytes;
    try (var s = Files.walk(src)) {
      bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    ObjectStore store = new ObjectStore(ws);
    long t0 = System.nanoTime();
    StoredObject copy = store.putTree(src, false);
    long t1 = System.nanoTime();
    System.out.printf("put (copy): %d files, %.0f MB in %d ms = %.0f MB/s%n", copy.files(), bytes / 1e6,
        (t1 - t0) / 1_000_000, bytes / 1e6 / ((t1 - t0) / 1e9));
    Path fresh = Path.of(a[1] + "-2");
    ObjectStore store2 = new ObjectStore(fresh);
    t0 = System.nanoTime();
    StoredObject moved = store2.putTree(src, true);
    t1 = System.nanoTime();
    System.out.printf("put (move): %d files, %.0f MB in %d ms = %.0f MB/s%n", moved.files(), bytes / 1e6,
        (t1 - t0) / 1_000_000, bytes / 1e6 / ((t1 - t0) / 1e9));
    if (!copy.sha256().equals(moved.sha256())) {
      throw new AssertionError("copy and move gave different trees");
    }
  }
}
