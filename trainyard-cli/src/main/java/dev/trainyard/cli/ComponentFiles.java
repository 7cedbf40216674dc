package dev.trainyard.cli;

import dev.trainyard.engine.FlatJson;
import dev.trainyard.store.RunRecord;
import dev.trainyard.store.Sha256;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The component files a run's pipeline file referred to ({@code component: ./train.yml}), kept as
 * the bytes the run read: each file in the object store, and an index ({@code {path: sha256}}) named
 * by the run's tag {@value #TAG}. {@code trainyard rerun} plans with these bytes, so a component
 * edited since the run does not turn a reproducibility check into a run of a different step.
 */
final class ComponentFiles {
  /** The run tag naming the index object. */
  static final String TAG = "trainyard.component_files";

  private ComponentFiles() {}

  /** Stores {@code files} and tags {@code tags} with their index; nothing when there are none. */
  static void record(Workspace ws, Map<Path, byte[]> files, Map<String, String> tags) throws IOException {
    if (files.isEmpty()) {
      return;
    }
    Map<String, String> index = new LinkedHashMap<>();
    for (Map.Entry<Path, byte[]> f : files.entrySet()) {
      index.put(f.getKey().toString(), ws.objects().putBytes(f.getValue()).sha256());
    }
    tags.put(TAG, ws.objects().putBytes(FlatJson.write(index).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .sha256());
  }

  /** What a rerun reads: the recorded files, and a note naming those that changed on disk since. */
  record Recorded(Map<Path, byte[]> files, List<String> changed) {}

  /** The component files {@code run} recorded (none for runs made before they were recorded). */
  static Recorded of(Workspace ws, RunRecord run) throws SQLException, RecordedSpec.UnrecoverableException {
    String index = ws.results().tags(run.id()).get(TAG);
    if (index == null) {
      return new Recorded(Map.of(), List.of());
    }
    Map<Path, byte[]> files = new LinkedHashMap<>();
    List<String> changed = new ArrayList<>();
    try {
      Map<String, String> paths = FlatJson.read(new String(ws.objects().readBytes(index),
          java.nio.charset.StandardCharsets.UTF_8));
      for (Map.Entry<String, String> e : paths.entrySet()) {
        if (!Sha256.isHash(e.getValue())) {
          throw new IOException("bad entry for " + e.getKey());
        }
        Path p = Path.of(e.getKey());
        byte[] bytes = ws.objects().readBytes(e.getValue());
        files.put(p, bytes);
        if (!Arrays.equals(bytes, onDisk(p))) {
          changed.add(p.toString());
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new RecordedSpec.UnrecoverableException("the component files it recorded (" + index
          + ") are missing or damaged in the workspace's store");
    }
    return new Recorded(files, changed);
  }

  private static byte[] onDisk(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
    } catch (IOException e) {
      return null;
    }
  }
}
