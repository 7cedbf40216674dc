package dev.trainyard.engine;

import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A step's working folder: {@code code/} (its code snapshot, the command's working directory) and
 * {@code inputs/NAME} (private, read-only copies of its inputs, verified against their hashes).
 */
final class StepDir {
  private StepDir() {}

  /** Fills {@code dir} and returns each input's value for commands: a path, or a parameter's text. */
  static Map<String, String> prepare(Workspace ws, Path dir, StoredObject code, StepRunner.Inputs in)
      throws IOException {
    return prepare(ws, dir, code, in, Set.of());
  }

  /**
   * Like {@link #prepare(Workspace, Path, StoredObject, StepRunner.Inputs)}, but the inputs named
   * in {@code staged} are left out (their paths are still given): they are staged later, a
   * parallel step's {@code input_data} one mini-batch at a time ({@link InputStaging}).
   */
  static Map<String, String> prepare(Workspace ws, Path dir, StoredObject code, StepRunner.Inputs in,
      Set<String> staged) throws IOException {
    Path cwd = dir.resolve("code");
    if (code != null) {
      ws.objects().materializeTree(code.sha256(), cwd);
    } else {
      Files.createDirectories(cwd);
    }
    Map<String, String> values = new HashMap<>(in.values);
    if (!in.artifacts.isEmpty()) {
      // The parent once, so that each input below is one mkdir (a fan-in step has hundreds).
      Files.createDirectories(dir.resolve("inputs"));
    }
    for (var e : in.artifacts.entrySet()) {
      Path p = dir.resolve("inputs").resolve(e.getKey());
      values.put(e.getKey(), p.toString());
      if (staged.contains(e.getKey())) {
        continue;
      }
      if (e.getValue().kind() == StoredObject.Kind.TREE) {
        ws.objects().materializeTree(e.getValue().sha256(), p);
      } else {
        ws.objects().materializeFile(e.getValue().sha256(), p, false);
      }
      String[] inside = e.getValue().kind() == StoredObject.Kind.TREE ? p.toFile().list() : null;
      if (inside != null && inside.length == 0) {
        p.toFile().setWritable(false, false); // an empty folder: nothing inside to walk
      } else {
        Dirs.readOnly(p);
      }
    }
    return values;
  }
}
