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
      List<RunRecord> runs = ws.runs().list(experiment, status, Math.max(1, limit));
      if (output.json) {
        System.out.println(Json.write(g -> {
          g.writeStartArray();
          for (RunRecord r : runs) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("experiment", r.experiment());
            g.writeStringField("pipeline", r.pipeline());
            g.writeStringField("status", r.status());
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
      System.out.printf("%-23s  %-20s  %-20s  %-9s  %-5s  %-19s  %s%n", "RUN", "EXPERIMENT", "PIPELINE", "STATUS",
          "STEPS", "CREATED", "DURATION");
      for (RunRecord r : runs) {
        List<StepRunRecord> steps = ws.runs().steps(r.id());
        long done = steps.stream().filter(StepRunRecord::isCompleted).count();
        System.out.printf("%-23s  %-20s  %-20s  %-9s  %-5s  %-19s  %s%n", r.id(), cut(r.experiment()), cut(r.pipeline()),
            r.status(), done + "/" + steps.size(), TIME.format(Instant.ofEpochMilli(r.createdAt())),
            r.endedAt() == null ? "-" : Progress.seconds(r.endedAt() - r.createdAt()));
      }
      return ExitCodes.OK;
    }
  }

  private static String cut(String s) {
    return s.length() <= 20 ? s : s.substring(0, 19) + "…";
  }
}
