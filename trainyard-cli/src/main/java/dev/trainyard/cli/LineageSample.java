package dev.trainyard.cli;

import dev.trainyard.store.ResultStore;
import dev.trainyard.store.RunStore;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throwaway workspace holding one recorded run (step {@code a} of run {@code cds}: input bytes
 * {1}, output {2}), and the lineage queries worth asking it: every output format and both kinds of
 * reference. {@link CdsTraining} asks them, so that the class-data archive holds lineage's classes.
 */
final class LineageSample implements AutoCloseable {
  final Path root;
  final String workspace;
  /** A file whose content the run read: {@code --file} on it walks downstream. */
  final Path usedFile;

  private LineageSample(Path root) {
    this.root = root;
    this.workspace = root.resolve("ws").toString();
    this.usedFile = root.resolve("in.bin");
  }

  static LineageSample create() throws IOException, SQLException {
    LineageSample s = new LineageSample(Files.createTempDirectory("trainyard-sample"));
    try (Workspace w = Workspace.open(Path.of(s.workspace))) {
      w.runs().create(new RunStore.NewRun("cds", "cds", "cds", "cds.yml", null, "{}", 1, 1, "h", List.of("a"),
          Map.of(), Map.of("p", "1")));
      long step = w.runs().steps("cds").get(0).id();
      StoredObject in = w.objects().putBytes(new byte[] {1});
      StoredObject o = w.objects().putBytes(new byte[] {2});
      w.results().complete(new ResultStore.Completion(step, "cds", Map.of("o", o), Map.of("i", in), Map.of("v", "1"),
          List.of(), Map.of(), null));
    }
    Files.write(s.usedFile, new byte[] {1});
    return s;
  }

  /** The command lines (starting with "lineage") worth asking this workspace. */
  List<String[]> queries() {
    return List.of(new String[] {"lineage", "latest", "--workspace", workspace},
        new String[] {"lineage", "cds:a", "--json", "--workspace", workspace},
        new String[] {"lineage", "cds", "--dot", "--upstream", "--workspace", workspace},
        new String[] {"lineage", "--file", root.resolve("ws/trainyard.db").toString(), "--workspace", workspace},
        new String[] {"lineage", "--file", usedFile.toString(), "--workspace", workspace},
        new String[] {"lineage", "model:none:1", "--workspace", workspace});
  }

  @Override
  public void close() throws IOException {
    // The runs' inputs are read-only folders: made writable first, for a user who is not root.
    try (Stream<Path> s = Files.walk(root)) {
      s.forEach(p -> p.toFile().setWritable(true, true));
    }
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
