package dev.trainyard.engine;

import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What every step of one run shares: its id, options, code snapshots and stored local inputs. */
final class RunContext {
  final String runId;
  /** True when continuing an earlier run (its step runs may have attempts already). */
  final boolean resumed;
  final RunOptions options;
  final boolean pipelineForceRerun;
  final String datastore;
  final CodeSnapshots snapshots;
  final Janitor janitor;
  private final Workspace ws;
  private final Map<Path, StoredObject> localInputs = new ConcurrentHashMap<>();

  RunContext(Workspace ws, String runId, boolean resumed, RunOptions options, boolean pipelineForceRerun,
      String datastore) {
    this.ws = ws;
    this.runId = runId;
    this.resumed = resumed;
    this.options = options;
    this.pipelineForceRerun = pipelineForceRerun;
    this.datastore = datastore == null ? "workspaceblobstore" : datastore;
    this.snapshots = new CodeSnapshots(ws.objects(), ws.root());
    this.janitor = new Janitor(ws.root().resolve("work"), runId);
    janitor.start();
  }

  /**
   * A registered data asset or model ({@code azureml:N:V}, {@code azureml:N@label}) given as input:
   * its stored content, or null when nothing is registered under that reference.
   */
  StoredObject registeredInput(dev.trainyard.spec.Reference.Registered ref, dev.trainyard.spec.IoType type)
      throws IOException {
    try {
      var kind = type.isModel() ? dev.trainyard.store.registry.AssetKind.MODEL
          : dev.trainyard.store.registry.AssetKind.DATA;
      var a = ws.registries().find(kind, ref.name(), ref.version(), ref.label());
      return a == null ? null : ws.results().artifact(a.sha256());
    } catch (java.sql.SQLException e) {
      throw new IOException("cannot read the registry: " + e.getMessage(), e);
    }
  }

  /** A step's code: the snapshot a rerun pins, else a snapshot of the code folder as it is now. */
  StoredObject code(String step, Path folder) throws IOException {
    StoredObject pinned = options.pins().code(step);
    return pinned != null ? pinned : snapshots.snapshot(folder);
  }

  /** A local file or folder given as input, stored by content once per run. */
  synchronized StoredObject localInput(Path p) throws IOException {
    Path key = p.toAbsolutePath().normalize();
    StoredObject o = localInputs.get(key);
    if (o == null) {
      o = Files.isDirectory(key) ? ws.objects().putTree(key, false) : ws.objects().putFile(key);
      localInputs.put(key, o);
    }
    return o;
  }
}
