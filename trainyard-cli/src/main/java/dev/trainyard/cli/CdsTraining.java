package dev.trainyard.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the launcher runs once after each build to make the class-data-sharing archive: the classes
 * (and lambda proxies) loaded here start from the archive on every later call instead of being
 * loaded, verified and linked again. It plans a pipeline (validate, plan and run share that path),
 * then opens a throwaway workspace, records a one-step run in it and asks for its lineage in every
 * output format, so the SQLite driver and the store's queries are archived too. Last, it runs a
 * small pipeline of trivial commands twice (the second time reused), so that {@code run}'s own
 * classes (the engine, process launching, the store's writes) start from the archive as well. With
 * {@code --lineage} it trains lineage's own archive instead: no pipeline, and lineage started as
 * {@link LineageMain} starts it (its locale data, its warm-up thread), so that archive holds what
 * a lineage call loads and little else (a smaller archive maps faster).
 */
final class CdsTraining {
  private CdsTraining() {}

  /** A fan-out/fan-in of trivial commands, with files and folders passed along. */
  private static final String RUN = String.join("\n", "type: pipeline", "jobs:",
      "  a:", "    command: echo a > ${{outputs.o}}/a.txt", "    outputs:", "      o:",
      "  b:", "    command: 'true'", "    inputs:", "      i: ${{parent.jobs.a.outputs.o}}", "    outputs:", "      o:",
      "  c:", "    command: 'true'", "    inputs:", "      i: ${{parent.jobs.a.outputs.o}}", "    outputs:", "      o:",
      "  d:", "    command: 'true'", "    inputs:", "      x: ${{parent.jobs.b.outputs.o}}",
      "      y: ${{parent.jobs.c.outputs.o}}", "    outputs:", "      o:", "");

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    System.setOut(nowhere);
    System.setErr(nowhere);
    boolean lineageOnly = args.length > 0 && args[0].equals("--lineage");
    try (LineageSample sample = LineageSample.create()) {
      if (lineageOnly) {
        LineageMain.compactLocaleData();
        Warmup.startFor(new String[] {"lineage"});
      } else if (args.length > 0) {
        Main.execute("plan", "--json", args[0]);
      }
      String dir = sample.workspace;
      LineageArgs.parse(new String[] {"lineage", "x"}); // with LineageMain, the launcher's entry for lineage
      Class.forName(LineageMain.class.getName());
      for (String[] q : sample.queries()) {
        Main.execute(q);
      }
      if (lineageOnly) {
        // The launcher's client and the daemon's side of a query, through a daemon in this JVM.
        Path address = sample.root.resolve("d.addr");
        LineageClient.tryRemote(address, sample.queries().get(0)); // none yet
        LineageClient.buildKey();
        try (LineageDaemon d = LineageDaemon.start(address, 60, null)) {
          LineageClient.tryRemote(address, sample.queries().get(4));
        }
      } else {
        Path pipeline = sample.root.resolve("pipeline.yml");
        Files.writeString(pipeline, RUN);
        Main.execute("run", "-q", "--concurrency", "2", "--workspace", dir, pipeline.toString());
        Main.execute("run", "-q", "--workspace", dir, pipeline.toString());
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
