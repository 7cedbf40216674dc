package dev.trainyard.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;

/**
 * An embedded workspace: a folder holding the SQLite metadata database ({@code trainyard.db}),
 * the content-addressed objects and the steps' working folders.
 */
public final class Workspace implements AutoCloseable {
  private static final Object OPEN_LOCK = new Object();
  private final Path root;
  private final Db db;
  private final ObjectStore objects;
  private final RunStore runs;
  private final ResultStore results;
  private final BatchStore batches;
  private final dev.trainyard.store.registry.Registries registries;
  private final dev.trainyard.store.registry.TreeIndex treeIndex;

  private Workspace(Path root, Db db, ObjectStore objects) {
    this.root = root;
    this.db = db;
    this.objects = objects;
    this.runs = new RunStore(db);
    this.results = new ResultStore(db);
    this.batches = new BatchStore(db);
    this.registries = new dev.trainyard.store.registry.Registries(db);
    this.treeIndex = new dev.trainyard.store.registry.TreeIndex(db, objects);
  }

  /** Opens the workspace in {@code root}, creating it on first use. */
  public static Workspace open(Path root) throws IOException, SQLException {
    Path dir = Files.createDirectories(root.toAbsolutePath().normalize());
    Db db;
    // Creating and migrating the database happens under a file lock, so that two processes
    // opening a new workspace at once do not both migrate it.
    // The file lock is per process, so threads of one process (a run opening its workspace while
    // the planner's registry opens it too) take turns on a JVM-wide lock first.
    synchronized (OPEN_LOCK) {
      try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        db = Db.openSqlite(dir.resolve("trainyard.db"));
      }
    }
    return new Workspace(dir, db, new ObjectStore(dir));
  }

  public Path root() {
    return root;
  }

  public ObjectStore objects() {
    return objects;
  }

  public RunStore runs() {
    return runs;
  }

  public ResultStore results() {
    return results;
  }

  public BatchStore batches() {
    return batches;
  }

  /** Data assets, models and components. */
  public dev.trainyard.store.registry.Registries registries() {
    return registries;
  }

  /** The index of which folders hold which file contents. */
  public dev.trainyard.store.registry.TreeIndex treeIndex() {
    return treeIndex;
  }

  /** The metadata database, for queries the typed stores do not cover (lineage). */
  public Db db() {
    return db;
  }

  /** Where a step run's working folder goes. */
  public Path workDir(String runId, String step) {
    return root.resolve("work").resolve(runId).resolve(step);
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
