package dev.trainyard.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stores the files of a folder on several threads. Hashing is the work (SHA-256 at roughly the
 * speed one core reads from the page cache), so a folder of many files is stored about as many
 * times faster as there are cores, up to {@link #MAX_THREADS}; results keep the files' order.
 */
final class TreeFiles {
  /** Beyond this, the disk rather than the CPU is the limit. */
  private static final int MAX_THREADS = 4;
  /** Fewer files than this are stored on the calling thread: a thread costs more than they do. */
  private static final int MIN_FILES = 8;

  private TreeFiles() {}

  /** Stores one file, returning its manifest entry. */
  interface StoreOne {
    TreeManifest.Entry store(Path file) throws IOException;
  }

  static List<TreeManifest.Entry> store(List<Path> files, StoreOne one) throws IOException {
    return store(files, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()), one);
  }

  /** As {@link #store(List, StoreOne)}, on up to {@code threads} threads (more than cores when I/O bound). */
  static List<TreeManifest.Entry> store(List<Path> files, int threads, StoreOne one) throws IOException {
    if (threads < 2 || files.size() < MIN_FILES) {
      List<TreeManifest.Entry> out = new ArrayList<>(files.size());
      for (Path f : files) {
        out.add(one.store(f));
      }
      return out;
    }
    TreeManifest.Entry[] out = new TreeManifest.Entry[files.size()];
    AtomicInteger next = new AtomicInteger();
    IOException[] failure = new IOException[1];
    Runnable work = () -> {
      int i;
      while ((i = next.getAndIncrement()) < out.length) {
        synchronized (failure) {
          if (failure[0] != null) {
            return;
          }
        }
        try {
          out[i] = one.store(files.get(i));
        } catch (IOException | UncheckedIOException | SecurityException e) {
          synchronized (failure) {
            if (failure[0] == null) {
              failure[0] = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
          }
          return;
        }
      }
    };
    List<Thread> helpers = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      Thread h = new Thread(work, "trainyard-store-" + t);
      h.setDaemon(true);
      h.start();
      helpers.add(h);
    }
    work.run();
    boolean interrupted = false;
    for (Thread h : helpers) {
      while (true) {
        try {
          h.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the helpers hold files half stored: let them finish first
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    return Arrays.asList(out);
  }
}
