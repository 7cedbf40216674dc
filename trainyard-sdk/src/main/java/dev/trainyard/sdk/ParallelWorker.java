package dev.trainyard.sdk;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A long-lived worker JVM for {@code type: java} parallel tasks, driven by Trainyard over stdin:
 * {@code INIT class argsFile seed}, then {@code RUN index argsFile itemsFile outputsFile rowsFile}
 * per mini-batch. Each command is answered by one line starting with {@link #REPLY}: {@code OK}
 * or {@code ERR message}. Anything else the task prints is the mini-batch's log. Files carry one
 * entry per line; outputs are {@code name<TAB>path}.
 */
public final class ParallelWorker {
  /** The prefix of protocol replies on stdout. */
  public static final String REPLY = "##trainyard-worker ";

  private ParallelWorker() {}

  public static void main(String[] argv) throws Exception {
    PrintStream out = System.out;
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    ParallelTask task = null;
    long seed = 0;
    String line;
    while ((line = in.readLine()) != null) {
      String[] f = line.split("\t", -1);
      try {
        switch (f[0]) {
          case "INIT" -> {
            task = RunTask.load(f[1]);
            seed = Long.parseLong(f[3]);
            task.init(new TaskContext(lines(f[2]), Map.of(), -1, seed));
          }
          case "RUN" -> {
            if (task == null) {
              throw new IllegalStateException("RUN before INIT");
            }
            Map<String, Path> outputs = new LinkedHashMap<>();
            for (String o : lines(f[4])) {
              int tab = o.indexOf('\t');
              outputs.put(o.substring(0, tab), Path.of(o.substring(tab + 1)));
            }
            List<Path> files = new ArrayList<>();
            for (String p : lines(f[3])) {
              files.add(Path.of(p));
            }
            List<String> rows = task.run(files, new TaskContext(lines(f[2]), outputs, Integer.parseInt(f[1]), seed));
            if (rows != null && !rows.isEmpty()) {
              Files.write(Path.of(f[5]), rows, StandardCharsets.UTF_8);
            }
          }
          case "EXIT" -> {
            out.flush();
            return;
          }
          default -> throw new IllegalArgumentException("unknown command " + f[0]);
        }
        System.out.flush();
        out.println(REPLY + "OK");
      } catch (Throwable t) {
        t.printStackTrace(System.out);
        System.out.flush();
        String msg = (t.getClass().getSimpleName() + ": " + t.getMessage()).replace('\n', ' ');
        out.println(REPLY + "ERR " + msg);
      }
      out.flush();
    }
  }

  private static List<String> lines(String file) throws java.io.IOException {
    List<String> all = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    return all.stream().filter(s -> !s.isEmpty()).toList();
  }
}
