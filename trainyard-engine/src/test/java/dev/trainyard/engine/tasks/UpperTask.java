package dev.trainyard.engine.tasks;

import dev.trainyard.sdk.ParallelTask;
import dev.trainyard.sdk.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A test task: upper-cases files; counts its inits; fails on "boom" files and hangs on "hang" files. */
public class UpperTask implements ParallelTask {
  private String prefix;

  @Override
  public void init(TaskContext ctx) throws Exception {
    prefix = ctx.arg("--prefix", "");
    Path marks = Path.of(ctx.arg("--marks"));
    Files.createDirectories(marks);
    Files.writeString(marks.resolve("init-" + ProcessHandle.current().pid()), "");
  }

  @Override
  public List<String> run(List<Path> miniBatch, TaskContext ctx) throws Exception {
    List<String> rows = new ArrayList<>();
    for (Path f : miniBatch) {
      String name = f.getFileName().toString();
      if (name.contains("boom")) {
        throw new IllegalStateException("cannot handle " + name);
      }
      if (name.contains("hang")) {
        Thread.sleep(600_000);
      }
      String text = Files.readString(f).toUpperCase(Locale.ROOT);
      Files.writeString(ctx.output("out").resolve(name), prefix + text);
      rows.add(name + "," + text.strip());
      System.out.println("##trainyard[metric name=seen value=" + rows.size() + "]");
    }
    return rows;
  }
}
