package dev.trainyard.cli;

import dev.trainyard.store.IoRecord;
import dev.trainyard.store.MetricRecord;
import dev.trainyard.store.RunRecord;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.Workspace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code trainyard runs show RUN}: a run's steps, params, metrics, tags and outputs. */
@Command(name = "show", description = "Show a run: steps, outputs, metrics, params and tags.", mixinStandardHelpOptions = true)
final class RunsShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN", description = "Run id, unique prefix, or 'latest'.") String ref;
  @Mixin OutputOptions output;
  @Mixin WorkspaceOption workspace;

  @Override
  public Integer call() throws Exception {
    try (Workspace ws = workspace.open()) {
      RunRecord r = RunRefs.run(ws, ref);
      if (r == null) {
        return ExitCodes.BAD_INPUT;
      }
      List<StepRunRecord> steps = ws.runs().steps(r.id());
      List<MetricRecord> metrics = ws.results().metrics(r.id());
      Map<String, String> params = ws.results().params(r.id());
      Map<String, String> tags = ws.results().tags(r.id());
      if (output.json) {
        System.out.println(Json.write(g -> {
          g.writeStartObject();
          g.writeStringField("id", r.id());
          g.writeStringField("experiment", r.experiment());
          g.writeStringField("pipeline", r.pipeline());
          g.writeStringField("file", r.specFile());
          g.writeStringField("status", r.status());
          g.writeNumberField("seed", r.seed());
          g.writeStringField("created", Instant.ofEpochMilli(r.createdAt()).toString());
          g.writeObjectFieldStart("params");
          for (var e : params.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
          g.writeObjectFieldStart("tags");
          for (var e : tags.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
          g.writeArrayFieldStart("steps");
          for (StepRunRecord s : steps) {
            g.writeStartObject();
            g.writeStringField("name", s.name());
            g.writeStringField("status", s.status());
            g.writeBooleanField("reused", s.reusedFrom() != null);
            if (s.durationMs() != null) {
              g.writeNumberField("duration_ms", s.durationMs());
            }
            if (s.error() != null) {
              g.writeStringField("error", s.error());
            }
            g.writeStringField("cache_key", s.cacheKey());
            g.writeObjectFieldStart("outputs");
            for (IoRecord io : ws.results().io(s.id(), "out").values()) {
              g.writeStringField(io.name(), io.artifactSha256());
            }
            g.writeEndObject();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("metrics");
          for (MetricRecord m : metrics) {
            g.writeStartObject();
            g.writeStringField("key", m.key());
            g.writeFieldName("value");
            Json.value(g, m.value());
            g.writeNumberField("step", m.step());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }));
        return ExitCodes.OK;
      }
      System.out.println("run        " + r.id() + "  (" + r.status() + ")");
      System.out.println("experiment " + r.experiment());
      System.out.println("pipeline   " + r.pipeline() + "  (" + r.specFile() + ")");
      System.out.println("seed       " + r.seed());
      params.forEach((k, v) -> System.out.println("param      " + k + " = " + v));
      tags.forEach((k, v) -> System.out.println("tag        " + k + " = " + v));
      System.out.println();
      System.out.printf("%-24s %-10s %-8s %-9s %s%n", "STEP", "STATUS", "REUSED", "DURATION", "OUTPUTS / ERROR");
      for (StepRunRecord s : steps) {
        Map<String, IoRecord> outs = ws.results().io(s.id(), "out");
        StringBuilder o = new StringBuilder();
        outs.values().forEach(io -> o.append(io.name()).append('=').append(io.artifactSha256(), 0, 12).append("  "));
        System.out.printf("%-24s %-10s %-8s %-9s %s%n", s.name(), s.status(), s.reusedFrom() != null ? "yes" : "no",
            s.durationMs() == null ? "-" : Progress.seconds(s.durationMs()), s.error() != null ? s.error() : o.toString().strip());
      }
      if (!metrics.isEmpty()) {
        System.out.println();
        for (MetricRecord m : metrics) {
          String step = steps.stream().filter(s -> m.stepRunId() != null && s.id() == m.stepRunId()).map(StepRunRecord::name)
              .findFirst().orElse("");
          System.out.println("metric     " + step + (step.isEmpty() ? "" : ".") + m.key() + " = "
              + dev.trainyard.spec.load.Scalars.text(m.value()) + (m.step() != 0 ? "  (step " + m.step() + ")" : ""));
        }
      }
      return ExitCodes.OK;
    }
  }
}
