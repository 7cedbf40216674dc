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
   * Makes everything recorded so far durable with an fsync per file, then per folder, several at
   * a time: concurrent fsyncs share the file system's journal commits and device flushes, where
   * one after another each waits for its own. Unlike {@code syncfs}, it writes out nothing but
   * these files, so flushes of mini-batches finishing side by side do not wait on each other's
   * unfinished writes (nor on anything else dirty on the disk).
   */
  void flushConcurrently() throws IOException {
    if (!dirty) {
      return;
    }
    forceAll(files);
    forceAll(dirs);
    dirs.clear();
    files.clear();
    dirty = false;
  }

  private static final java.util.concurrent.ExecutorService FSYNC = java.util.concurrent.Executors.newFixedThreadPool(8,
      r -> {
        Thread t = new Thread(r, "trainyard-fsync");
        t.setDaemon(true);
        return t;
      });

  private static void forceAll(Set<Path> paths) throws IOException {
    java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
    for (Path p : paths) {
      running.add(FSYNC.submit(() -> {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
          ch.force(true);
        } catch (IOException e) {
          if (!java.nio.file.Files.isDirectory(p)) {
            throw new java.io.UncheckedIOException(e); // a folder may not open for fsync; a file must
          }
        }
        return null;
      }));
    }
    try {
      for (var f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while making objects durable");
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
    }
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
