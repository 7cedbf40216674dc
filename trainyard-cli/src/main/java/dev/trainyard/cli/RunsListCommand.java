package dev.trainyard.cli;

import dev.trainyard.store.RunRecord;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.Workspace;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trainyard runs list}: newest first. */
@Command(name = "list", description = "List runs, newest first.", mixinStandardHelpOptions = true)
final class RunsListCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.systemDefault());
  private static final Set<String> STATUSES = Set.of("running", "completed", "failed", "canceled");

  @Option(names = "--experiment", paramLabel = "NAME") String experiment;
  @Option(names = "--status", paramLabel = "STATUS", description = "running, completed, failed or canceled") String status;
  @Option(names = "--branch", paramLabel = "BRANCH", description = "Only runs of this source branch.") String branch;
  @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Only runs with this tag (repeatable).")
  java.util.Map<String, String> tags = new java.util.LinkedHashMap<>();
  @Option(names = "--limit", paramLabel = "N", defaultValue = "50") int limit;
  @Mixin OutputOptions output;
  @Mixin WorkspaceOption workspace;

  @Override
  public Integer call() throws Exception {
    if (status != null && !STATUSES.contains(status)) {
      System.err.println("trainyard: --status '" + status + "': expected one of running, completed, failed, canceled");
      return ExitCodes.BAD_INPUT;
    }
    try (Workspace ws = workspace.open()) {
      java.util.Map<String, String> filter = new java.util.LinkedHashMap<>(tags);
      if (branch != null) {
        filter.put(dev.trainyard.engine.BuildInfo.BRANCH, branch);
      }
      List<RunRecord> runs = ws.runs().list(experiment, status, filter, Math.max(1, limit));
      if (output.json) {
        System.out.println(Json.write(g -> {
          g.writeStartArray();
          for (RunRecord r : runs) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("experiment", r.experiment());
            g.writeStringField("pipeline", r.pipeline());
            g.writeStringField("status", r.status());
            var t = ws.results().tags(r.id());
            g.writeStringField("branch", t.get(dev.trainyard.engine.BuildInfo.BRANCH));
            g.writeStringField("commit", t.get(dev.trainyard.engine.BuildInfo.COMMIT));
            g.writeStringField("created", Instant.ofEpochMilli(r.createdAt()).toString());
            if (r.endedAt() != null) {
              g.writeNumberField("duration_ms", r.endedAt() - r.createdAt());
            }
            g.writeEndObject();
          }
          g.writeEndArray();
        }));
        return ExitCodes.OK;
      }
      System.out.printf("%-23s  %-20s  %-20s  %-14s  %-9s  %-5s  %-19s  %s%n", "RUN", "EXPERIMENT", "PIPELINE",
          "BRANCH", "STATUS", "STEPS", "CREATED", "DURATION");
      for (RunRecord r : runs) {
        List<StepRunRecord> steps = ws.runs().steps(r.id());
        long done = steps.stream().filter(StepRunRecord::isCompleted).count();
        String br = ws.results().tags(r.id()).getOrDefault(dev.trainyard.engine.BuildInfo.BRANCH, "-");
        System.out.printf("%-23s  %-20s  %-20s  %-14s  %-9s  %-5s  %-19s  %s%n", r.id(), cut(r.experiment()),
            cut(r.pipeline()), br.length() <= 14 ? br : br.substring(0, 13) + "…", r.status(), done + "/" + steps.size(), TIME.format(Instant.ofEpochMilli(r.createdAt())),
            r.endedAt() == null ? "-" : Progress.seconds(r.endedAt() - r.createdAt()));
      }
      return ExitCodes.OK;
    }
  }

  private static String cut(String s) {
    return s.length() <= 20 ? s : s.substring(0, 19) + "…";
  }
}
