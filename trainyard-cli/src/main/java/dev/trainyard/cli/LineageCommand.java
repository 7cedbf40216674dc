package dev.trainyard.cli;

import dev.trainyard.store.Workspace;
import dev.trainyard.store.lineage.Lineage;
import dev.trainyard.store.lineage.LineageException;
import dev.trainyard.store.lineage.LineageGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code trainyard lineage REF | --file PATH}: what produced something (upstream), what was derived
 * from it (downstream), or what used a file's content. Its options are modelled in
 * {@link FastLineage}; this class does the work.
 */
final class LineageCommand implements Callable<Integer> {
  String ref;
  Path file;
  boolean upstream;
  boolean downstream;
  boolean json;
  boolean dot;
  Path workspace;

  @Override
  public Integer call() throws Exception {
    String bad = check();
    if (bad != null) {
      System.err.println("trainyard: " + bad);
      System.err.println("Try 'trainyard lineage --help' for more information.");
      return ExitCodes.BAD_INPUT;
    }
    Path dir = workspace != null ? workspace : new WorkspaceOption().dir();
    // A query never creates a workspace: a mistyped --workspace should say so, not make a new one.
    if (!Files.isRegularFile(dir.resolve("trainyard.db"))) {
      System.err.println("trainyard: no workspace at " + dir + " (it holds no trainyard.db)");
      return ExitCodes.BAD_INPUT;
    }
    LineageGraph g;
    FileHashing hashing = file != null ? FileHashing.start(file) : null;
    try (Workspace ws = Workspace.open(dir)) {
      Lineage lineage = new Lineage(ws);
      boolean both = !upstream && !downstream;
      g = file != null ? lineage.ofFiles(file, hashing.get()) : lineage.of(ref, upstream || both, downstream || both);
    } catch (LineageException e) {
      System.err.println("trainyard: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    if (json) {
      StdoutBytes.print(LineageJson.write(g) + System.lineSeparator());
    } else if (dot) {
      StdoutBytes.print(LineageDot.write(g));
    } else {
      String text = new LineageText(g).render();
      StdoutBytes.print(text);
    }
    return ExitCodes.OK;
  }

  /** Null when the options make sense together, else what is wrong. */
  private String check() {
    if ((ref == null) == (file == null)) {
      return ref == null ? "lineage needs a REF or --file PATH" : "give either a REF or --file PATH, not both";
    }
    if (json && dot) {
      return "--json and --dot exclude each other";
    }
    if (file != null && upstream) {
      return "--file finds what used a file's content (downstream); for where content came from, give its hash"
          + " as REF with --upstream";
    }
    return null;
  }
}
