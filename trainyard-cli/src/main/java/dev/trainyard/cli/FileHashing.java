package dev.trainyard.cli;

import dev.trainyard.store.lineage.Lineage;
import dev.trainyard.store.lineage.LineageException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Hashes what {@code lineage --file} names on a second thread while the main thread opens the
 * workspace: both are mostly one-time set-up (the JDK's security providers for SHA-256; the SQLite
 * driver's logging, native library and connection), so on two cores they overlap. Errors are kept
 * and reported by {@link #get}, after the workspace opened, as when hashing came first.
 */
final class FileHashing extends Thread {
  private final Path path;
  private final Path shownAs;
  private Map<String, List<String>> hashes;
  private LineageException failure;
  private RuntimeException bug;
  private Error error;

  private FileHashing(Path path, Path shownAs) {
    super("trainyard-hash");
    this.path = path;
    this.shownAs = shownAs;
    setDaemon(true);
  }

  /**
   * Starts hashing {@code path} (on this thread when there is one core: nothing to overlap), naming
   * its files as under {@code shownAs} (the path as the user gave it).
   */
  static FileHashing start(Path path, Path shownAs) {
    FileHashing h = new FileHashing(path, shownAs);
    if (Runtime.getRuntime().availableProcessors() < 2) {
      h.run();
    } else {
      h.start();
    }
    return h;
  }

  @Override
  public void run() {
    try {
      hashes = Lineage.hashFiles(path, shownAs);
    } catch (LineageException e) {
      failure = e;
    } catch (RuntimeException e) {
      bug = e;
    } catch (Error e) {
      error = e;
    }
  }

  /** The hashes, once done; the reason when the path could not be read. */
  Map<String, List<String>> get() throws LineageException, InterruptedException {
    join();
    if (failure != null) {
      throw failure;
    }
    if (bug != null) {
      throw bug;
    }
    if (error != null) {
      throw error;
    }
    return hashes;
  }
}
