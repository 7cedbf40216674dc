package dev.trainyard.cli;

import dev.trainyard.engine.Engine;
import dev.trainyard.engine.StepOutcome;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.util.Map;

/** The end of {@code run} and {@code resume}: a summary, or the JSON object scripts read. */
final class RunPrinter {
  private RunPrinter() {}

  static void print(Engine.RunOutcome r, OutputOptions output, Workspace ws) {
    if (output.json) {
      System.out.println(Json.write(g -> {
        g.writeStartObject();
        g.writeStringField("id", r.runId());
        g.writeStringField("status", r.status());
        g.writeStringField("experiment", r.experiment());
        g.writeArrayFieldStart("steps");
        for (StepOutcome s : r.steps()) {
          g.writeStartObject();
          g.writeStringField("name", s.name());
          g.writeStringField("status", s.status());
          g.writeBooleanField("reused", s.reused());
          g.writeNumberField("duration_ms", s.durationMs());
          if (s.error() != null) {
            g.writeStringField("error", s.error());
          }
          g.writeObjectFieldStart("outputs");
          for (Map.Entry<String, StoredObject> e : s.outputs().entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            g.writeStringField("sha256", e.getValue().sha256());
            g.writeStringField("path", ws.objects().pathOf(e.getValue().sha256()).toString());
            g.writeStringField("kind", e.getValue().kind() == StoredObject.Kind.TREE ? "folder" : "file");
            g.writeEndObject();
          }
          g.writeEndObject();
          g.writeObjectFieldStart("metrics");
          for (Map.Entry<String, Double> e : s.metrics().entrySet()) {
            g.writeFieldName(e.getKey());
            Json.value(g, e.getValue());
          }
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }));
      return;
    }
    if (output.quiet) {
      return;
    }
    long reused = r.steps().stream().filter(s -> s.reused() && s.completed()).count();
    System.out.println("run " + r.runId() + " " + r.status() + " (" + r.steps().size() + " steps, " + reused
        + " reused)");
    for (StepOutcome s : r.steps()) {
      if (!s.metrics().isEmpty()) {
        StringBuilder sb = new StringBuilder("  " + s.name() + ":");
        s.metrics().forEach((k, v) -> sb.append(' ').append(k).append('=').append(dev.trainyard.spec.load.Scalars.text(v)));
        System.out.println(sb);
      }
    }
    if (!r.status().equals("completed")) {
      System.out.println("see 'trainyard runs show " + r.runId() + "' and 'trainyard logs " + r.runId()
          + " STEP'; continue with 'trainyard resume " + r.runId() + "'");
    }
  }
}
