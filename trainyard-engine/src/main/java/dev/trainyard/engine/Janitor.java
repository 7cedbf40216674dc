package dev.trainyard.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Removes finished steps' working folders off the critical path: a folder is renamed into the
 * workspace's trash at once (one cheap rename) and deleted in the background, by a {@code rm -rf}
 * at the lowest CPU priority (see {@link #delete}).
 *
 * <p>Why deleting waits, for small folders: on ext4, creating a file or folder skips every inode
 * of its block group freed in the last ~30 s (each checked in turn), so deleting step folders
 * while the run creates new ones makes every creation slower, the more so the more was deleted
 * (it doubled the run time of a 1,000-step pipeline here). Small folders are therefore deleted
 * by the next run, in the background, while its own folders are created in another block group
 * ({@code work/} is marked a top folder, {@code chattr +T}, where the file system supports it).
 * Large ones (big inputs) are deleted at once, as before, to free their space. Sweeping stops
 * when the run ends; whatever a run leaves in the trash, the next run clears.
 */
final class Janitor {
  private final Path workRoot;
  private final Path trash;
  private final Path later;
  private final String runId;
  private final Thread thread;
  private volatile boolean stopped;
  /** The deletion under way, ended by {@link #stop}; null between deletions. */
  private Process deleting;

  Janitor(Path workRoot, String runId) {
    this.workRoot = workRoot;
    this.trash = workRoot.resolve(".trash");
    this.later = workRoot.resolve(".trash-later");
    this.runId = runId;
    this.thread = new Thread(this::sweep, "trainyard-janitor");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    markTopFolder(workRoot);
  }

  void start() {
    thread.start();
  }

  /** Moves {@code dir} out of the way, to be deleted soon; deletes it in place if it cannot be moved. */
  void discard(Path dir) throws IOException {
    moveTo(dir, trash);
    synchronized (this) {
      notifyAll();
    }
  }

  /** Moves a small folder out of the way, to be deleted by a later run (see above). */
  void discardLater(Path dir) throws IOException {
    moveTo(dir, later.resolve(runId));
  }

  /**
   * This run's steps have ended: stops sweeping once the folder being deleted is gone, so that
   * nothing is deleted behind the caller's back after the run returns. This run's small folders
   * are left for the next run, whose own folders are created in another block group. The run's
   * own folder ({@code work/RUN}) goes if its steps left nothing in it (a failed step's folder
   * stays, for a look at what it left).
   */
  void stop() {
    synchronized (this) {
      stopped = true;
      if (deleting != null) {
        deleting.destroyForcibly(); // what it left is deleted by the next run
      }
      notifyAll();
    }
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(workRoot.resolve(runId));
    } catch (IOException notEmpty) {
      // a step's folder is kept there
    }
  }

  private static void moveTo(Path dir, Path bin) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.move(dir, bin.resolve(UUID.randomUUID().toString()), StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.NoSuchFileException e) {
      Files.createDirectories(bin);
      try {
        Files.move(dir, bin.resolve(UUID.randomUUID().toString()), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException again) {
        Dirs.delete(dir);
      }
    } catch (IOException e) {
      Dirs.delete(dir);
    }
  }

  private void sweep() {
    while (!stopped) {
      try {
        clear(trash, null);
        clear(later, runId);
        synchronized (this) {
          if (!stopped) {
            wait(2000);
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // Another process may be sweeping the same trash; try again later.
        try {
          Thread.sleep(2000);
        } catch (InterruptedException ie) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Deletes everything in {@code bin} except the entry named {@code keep}, until stopped. */
  private void clear(Path bin, String keep) throws IOException {
    if (!Files.isDirectory(bin)) {
      return;
    }
    try (var entries = Files.list(bin)) {
      for (Path p : entries.toList()) {
        if (stopped) {
          return;
        }
        if (keep == null || !p.getFileName().toString().equals(keep)) {
          delete(p);
        }
      }
    }
  }

  /**
   * Deletes one folder of the trash with {@code nice rm -rf}: at the lowest CPU priority, the
   * deletion runs in the time the run's own steps leave idle instead of competing with them (in
   * the engine's own thread it took a tenth of a 1,000-step run's CPU, on the same cores as the
   * steps). {@code rm} also deletes by file descriptor, not by re-resolving long paths. What it
   * cannot delete (read-only folders, for a user who is not root) is deleted here, as before.
   */
  private void delete(Path p) throws IOException {
    Process rm;
    synchronized (this) {
      if (stopped) {
        return;
      }
      try {
        rm = new ProcessBuilder(NICE, "-n", "19", RM, "-rf", "--", p.toString()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      } catch (IOException e) {
        rm = null; // no nice or rm here
      }
      deleting = rm;
    }
    try {
      if (rm != null) {
        rm.waitFor();
      }
    } catch (InterruptedException e) {
      rm.destroyForcibly();
      Thread.currentThread().interrupt();
      return;
    } finally {
      synchronized (this) {
        deleting = null;
      }
    }
    if (!stopped && Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Dirs.delete(p);
    }
  }

  private static final String NICE = LocalExecutor.onPath("nice");
  private static final String RM = LocalExecutor.onPath("rm");

  /**
   * Asks ext4 to place each run's folder in a block group of its own (the Orlov allocator, as for
   * top-level folders): a new {@code work/} only, once; where it fails, nothing is lost but speed.
   */
  private static void markTopFolder(Path workRoot) {
    try {
      Files.createDirectory(workRoot);
    } catch (IOException e) {
      return; // exists (marked when it was made) or cannot be made (the run will say so)
    }
    try {
      Process p = new ProcessBuilder("chattr", "+T", workRoot.toString()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no chattr here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
