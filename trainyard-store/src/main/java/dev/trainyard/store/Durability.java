package dev.trainyard.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * When the object store's writes are made durable: at once (fsync each file and each folder it
 * was renamed into), or in a batch — one {@code syncfs} of the store's file system when the batch
 * ends, before anything names the batch's objects. Both give the same guarantee to what follows
 * {@link #flush}; a batch costs one device flush instead of two per file. Thread-safe: a folder's
 * files are stored on several threads.
 */
final class Durability {
  private final boolean batch;
  private final Set<Path> dirs = new LinkedHashSet<>();
  private final Set<Path> files = new LinkedHashSet<>();
  private boolean dirty;

  private Durability(boolean batch) {
    this.batch = batch;
  }

  static Durability now() {
    return new Durability(false);
  }

  static Durability batch() {
    return new Durability(true);
  }

  /** A file's bytes were written (or must be durable before it is renamed into the store). */
  void file(FileChannel ch) throws IOException {
    if (batch) {
      synchronized (this) {
        dirty = true;
      }
    } else {
      ch.force(true); // outside the lock: the threads storing a folder's files flush in parallel
    }
  }

  /** An object was renamed into place at {@code object}. */
  synchronized void installed(Path object) {
    dirty = true;
    dirs.add(object.getParent());
    if (batch) {
      files.add(object);
    }
  }

  /** Makes everything recorded so far durable. */
  synchronized void flush(Path storeRoot) {
    if (!dirty) {
      return;
    }
    if (batch && syncFileSystem(storeRoot)) {
      dirs.clear();
      files.clear();
      dirty = false;
      return;
    }
    for (Path f : files) {
      fsync(f); // the batch's files were not forced when written
    }
    for (Path d : dirs) {
      fsync(d);
    }
    dirs.clear();
    files.clear();
    dirty = false;
  }

  /**
   * {@code sync -f} (syncfs(2)): flushes the file system holding the store. Files of a batch were
   * written through the page cache, so this is what makes their bytes durable.
   */
  private boolean syncFileSystem(Path root) {
    try {
      Process p = new ProcessBuilder("sync", "-f", root.toString()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void fsync(Path path) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // Not every file system lets a directory be opened for fsync; the rename is still atomic.
    }
  }
}
