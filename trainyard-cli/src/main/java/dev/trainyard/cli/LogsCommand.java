package dev.trainyard.cli;

import dev.trainyard.store.AttemptRecord;
import dev.trainyard.store.RunRecord;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.Workspace;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trainyard logs RUN [STEP] [--follow]}: the output of a run's steps, live with {@code -f}. */
@Command(name = "logs", description = "Print the logs of a run's steps.", mixinStandardHelpOptions = true)
final class LogsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN", description = "Run id, unique prefix, or 'latest'.") String ref;
  @Parameters(index = "1", paramLabel = "STEP", arity = "0..1") String stepName;
  @Option(names = {"-f", "--follow"}, description = "Keep printing while the run is running.") boolean follow;
  @Mixin WorkspaceOption workspace;

  private final Map<Long, Long> printed = new HashMap<>();

  @Override
  public Integer call() throws Exception {
    try (Workspace ws = workspace.open()) {
      RunRecord run = RunRefs.run(ws, ref);
      if (run == null) {
        return ExitCodes.BAD_INPUT;
      }
      if (stepName != null && RunRefs.step(ws, run, stepName) == null) {
        return ExitCodes.BAD_INPUT;
      }
      while (true) {
        boolean running = ws.runs().find(run.id()).status().equals("running");
        for (StepRunRecord s : ws.runs().steps(run.id())) {
          if (stepName == null || s.name().equals(stepName)) {
            printStep(ws, run, s, stepName == null);
          }
        }
        if (!follow || !running) {
          return ExitCodes.OK;
        }
        Thread.sleep(300);
      }
    }
  }

  private void printStep(Workspace ws, RunRecord run, StepRunRecord s, boolean header) throws Exception {
    List<AttemptRecord> attempts = ws.runs().attempts(s.id());
    for (AttemptRecord a : attempts) {
      long from = printed.getOrDefault(a.id(), -1L);
      if (from == Long.MAX_VALUE) {
        continue;
      }
      byte[] bytes = null;
      boolean finished = a.logSha256() != null;
      if (finished) {
        bytes = ws.objects().readBytes(a.logSha256());
      } else {
        Path live = ws.workDir(run.id(), s.name()).resolve("log.txt");
        if (a.status().equals("running") && Files.exists(live)) {
          try (RandomAccessFile f = new RandomAccessFile(live.toFile(), "r")) {
            long start = Math.max(0, from);
            if (f.length() > start) {
              bytes = new byte[(int) (f.length() - start)];
              f.seek(start);
              f.readFully(bytes);
              if (from < 0 && header) {
                System.out.println("== " + s.name() + " (attempt " + a.number() + ", running) ==");
              }
              System.out.print(new String(bytes, StandardCharsets.UTF_8));
              printed.put(a.id(), start + bytes.length);
            }
          }
          continue;
        }
      }
      if (header && from < 0) {
        System.out.println("== " + s.name() + " (attempt " + a.number() + ", " + a.status() + ") ==");
      }
      if (bytes != null) {
        int skip = (int) Math.max(0, Math.min(from, bytes.length));
        System.out.print(new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8));
      }
      if (finished || !a.status().equals("running")) {
        printed.put(a.id(), Long.MAX_VALUE);
      }
    }
    if (attempts.isEmpty() && header && s.reusedFrom() != null && !printed.containsKey(-s.id())) {
      System.out.println("== " + s.name() + " (reused from step run " + s.reusedFrom() + ") ==");
      printed.put(-s.id(), Long.MAX_VALUE);
    }
  }
}
