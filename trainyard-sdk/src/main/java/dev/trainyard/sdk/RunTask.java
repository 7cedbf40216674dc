package dev.trainyard.sdk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Runs a {@link ParallelTask} for one mini-batch as a plain command, for {@code run_function}
 * entries and for trying a task by hand: {@code java -cp CLASSPATH dev.trainyard.sdk.RunTask
 * CLASS [PROGRAM_ARGUMENTS...] [--] [FILES...]}. Run by hand, the files are those after {@code --},
 * or else the trailing arguments that name existing files. Inside a Trainyard mini-batch the files come from
 * {@code $TRAINYARD_MINI_BATCH} (and are dropped from the end of the arguments), the outputs from
 * {@code $TRAINYARD_OUTPUT_<NAME>}, and the returned rows go to {@code $TRAINYARD_ROWS}.
 */
public final class RunTask {
  private RunTask() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0) {
      System.err.println("usage: RunTask CLASS [PROGRAM_ARGUMENTS...] [FILES...]");
      System.exit(2);
    }
    ParallelTask task = load(argv[0]);
    List<String> args = new ArrayList<>(List.of(argv).subList(1, argv.length));
    List<Path> files = new ArrayList<>();
    String list = System.getenv("TRAINYARD_MINI_BATCH");
    if (list != null) {
      for (String line : Files.readAllLines(Path.of(list), StandardCharsets.UTF_8)) {
        if (!line.isEmpty()) {
          files.add(Path.of(line));
        }
      }
      if (args.size() >= files.size()
          && args.subList(args.size() - files.size(), args.size()).equals(files.stream().map(Path::toString).toList())) {
        args = new ArrayList<>(args.subList(0, args.size() - files.size()));
      }
    } else {
      // By hand: the files follow "--", or are the trailing arguments that name existing files.
      int sep = args.indexOf("--");
      int from = sep >= 0 ? sep + 1 : args.size();
      while (sep < 0 && from > 0 && Files.isRegularFile(Path.of(args.get(from - 1)))) {
        from--;
      }
      for (String f : args.subList(from, args.size())) {
        files.add(Path.of(f));
      }
      args = new ArrayList<>(args.subList(0, sep >= 0 ? sep : from));
    }
    Map<String, Path> outputs = new LinkedHashMap<>();
    System.getenv().forEach((k, v) -> {
      if (k.startsWith("TRAINYARD_OUTPUT_")) {
        outputs.put(k.substring("TRAINYARD_OUTPUT_".length()).toLowerCase(Locale.ROOT), Path.of(v));
      }
    });
    String index = System.getenv("TRAINYARD_MINI_BATCH_INDEX");
    String seed = System.getenv("TRAINYARD_SEED");
    TaskContext init = new TaskContext(args, Map.of(), -1, seed == null ? 0 : Long.parseLong(seed));
    task.init(init);
    TaskContext ctx = new TaskContext(args, outputs, index == null ? 0 : Integer.parseInt(index), init.seed());
    List<String> rows = task.run(files, ctx);
    String rowsFile = System.getenv("TRAINYARD_ROWS");
    if (rowsFile != null && rows != null && !rows.isEmpty()) {
      Files.write(Path.of(rowsFile), rows, StandardCharsets.UTF_8);
    } else if (rows != null) {
      rows.forEach(System.out::println);
    }
  }

  /** Instantiates a task class by name, with a clear message when it is not one. */
  public static ParallelTask load(String className) throws Exception {
    Class<?> c;
    try {
      c = Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("task class " + className + " is not on the classpath (task.code)");
    }
    if (!ParallelTask.class.isAssignableFrom(c)) {
      throw new IllegalArgumentException(className + " does not implement dev.trainyard.sdk.ParallelTask");
    }
    return (ParallelTask) c.getDeclaredConstructor().newInstance();
  }
}
