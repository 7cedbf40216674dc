package dev.trainyard.cli;

import dev.trainyard.store.Workspace;
import dev.trainyard.store.lineage.Lineage;
import dev.trainyard.store.lineage.LineageException;
import dev.trainyard.store.lineage.LineageGraph;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
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
  /** Who the command runs for when {@link LineageDaemon} runs it; null when it runs for this process. */
  Caller caller;

  /**
   * The calling process's view, for a command the daemon runs on its behalf: relative paths resolve
   * against its folder, the default workspace comes from its {@code TRAINYARD_HOME}, and output goes
   * back to it, encoded as its standard output would encode it.
   */
  record Caller(Path cwd, String home, OutputStream out, PrintStream err, Charset charset) {}

  @Override
  public Integer call() throws Exception {
    PrintStream err = caller != null ? caller.err() : System.err;
    String bad = check();
    if (bad != null) {
      err.println("trainyard: " + bad);
      err.println("Try 'trainyard lineage --help' for more information.");
      return ExitCodes.BAD_INPUT;
    }
    String home = caller != null ? caller.home() : System.getenv("TRAINYARD_HOME");
    Path dir = workspace != null ? workspace : WorkspaceOption.defaultDir(home);
    // A query never creates a workspace: a mistyped --workspace should say so, not make a new one.
    if (!Files.isRegularFile(local(dir).resolve("trainyard.db"))) {
      err.println("trainyard: no workspace at " + dir + " (it holds no trainyard.db)");
      return ExitCodes.BAD_INPUT;
    }
    LineageGraph g;
    FileHashing hashing = file != null ? FileHashing.start(local(file), file) : null;
    try (Workspace ws = Workspace.open(local(dir))) {
      Lineage lineage = new Lineage(ws);
      boolean both = !upstream && !downstream;
      g = file != null ? lineage.ofFiles(file, hashing.get()) : lineage.of(ref, upstream || both, downstream || both);
    } catch (LineageException e) {
      err.println("trainyard: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    String text = json ? LineageJson.write(g) + System.lineSeparator()
        : dot ? LineageDot.write(g) : new LineageText(g).render();
    if (caller != null) {
      write(caller.out(), caller.charset(), text);
    } else {
      StdoutBytes.print(text);
    }
    return ExitCodes.OK;
  }

  /** {@code p} as this process opens it: against the caller's folder when the daemon runs the command. */
  private Path local(Path p) {
    return caller != null ? caller.cwd().resolve(p) : p;
  }

  private static void write(OutputStream out, Charset charset, String text) throws IOException {
    out.write(text.getBytes(charset));
    out.flush();
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
