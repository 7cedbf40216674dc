package dev.trainyard.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trainyard.spec.Component;
import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.load.Scalars;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.PlannedOutput;
import dev.trainyard.spec.plan.PlannedStep;
import dev.trainyard.spec.plan.ResolvedInput;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Renders a plan as text, JSON or Graphviz dot. */
final class PlanPrinter {
  private PlanPrinter() {}

  static String text(Plan plan, String file) {
    StringBuilder sb = new StringBuilder();
    String title = plan.job().meta().displayName() != null ? plan.job().meta().displayName() : file;
    sb.append("Plan for ").append(title).append(" (").append(file).append("): ").append(plan.steps().size())
        .append(plan.steps().size() == 1 ? " step" : " steps").append('\n');
    plan.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
    if (!plan.inputs().isEmpty()) {
      sb.append("inputs:\n");
      plan.inputs().forEach((n, v) -> sb.append("  ").append(n).append(" = ").append(describe(v)).append('\n'));
    }
    int i = 0;
    for (PlannedStep s : plan.steps()) {
      sb.append('\n').append(++i).append(". ").append(s.name()).append("  [").append(s.kind()).append("]  compute: ")
          .append(s.compute() == null ? "local" : s.compute() + " -> " + s.target());
      if (!s.dependsOn().isEmpty()) {
        sb.append("  after: ").append(String.join(", ", s.dependsOn()));
      }
      sb.append('\n');
      if (s.component().meta().name() != null) {
        sb.append("   component: ").append(s.component().meta().id()).append('\n');
      }
      if (!s.inputs().isEmpty()) {
        sb.append("   inputs:\n");
        s.inputs().forEach((n, v) -> sb.append("     ").append(n).append(" <- ").append(describe(v)).append('\n'));
      }
      if (!s.outputs().isEmpty()) {
        sb.append("   outputs:\n");
        s.outputs().forEach((n, o) -> sb.append("     ").append(n).append(": ").append(describe(o)).append('\n'));
      }
      if (s.component() instanceof Component.Command c && c.command() != null) {
        sb.append("   command: ").append(c.command().raw().strip().replace("\n", "\n            ")).append('\n');
      }
    }
    if (!plan.outputs().isEmpty()) {
      sb.append("\noutputs:\n");
      plan.outputs().forEach((n, from) -> sb.append("  ").append(n).append(" <- ").append(from).append('\n'));
    }
    return sb.toString();
  }

  static String describe(ResolvedInput v) {
    if (v instanceof ResolvedInput.Value val) {
      return (val.value() instanceof String s ? quote(s) : Scalars.text(val.value())) + " (" + val.type() + ")";
    }
    if (v instanceof ResolvedInput.StepOutput so) {
      return so.step() + ".outputs." + so.output() + " (" + so.type() + ")";
    }
    if (v instanceof ResolvedInput.Asset a) {
      return ref(a.reference()) + " (" + a.type() + (a.mode() != null ? ", " + a.mode() : "") + ")";
    }
    if (v instanceof ResolvedInput.Unbound u) {
      return "input " + u.name() + " (" + u.type() + ")";
    }
    return "(unset, " + v.type() + ")";
  }

  private static String describe(PlannedOutput o) {
    StringBuilder sb = new StringBuilder(o.type().yamlName());
    if (o.mode() != null) {
      sb.append(", ").append(o.mode());
    }
    if (o.promotedTo() != null) {
      sb.append(" -> pipeline output ").append(o.promotedTo());
    }
    if (o.assetName() != null) {
      sb.append(" -> registers ").append(o.assetName()).append(o.assetVersion() != null ? ":" + o.assetVersion() : "");
    }
    return sb.toString();
  }

  static String ref(Reference r) {
    if (r instanceof Reference.LocalPath lp) {
      return new dev.trainyard.spec.load.SpecLoader().display(lp.path());
    }
    return r.raw();
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }

  static String json(Plan plan, String file, List<Diagnostic> warnings) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("file", file);
      g.writeStringField("name", plan.job().meta().displayName());
      g.writeStringField("experiment", plan.job().experimentName());
      g.writeObjectFieldStart("inputs");
      for (Map.Entry<String, ResolvedInput> e : plan.inputs().entrySet()) {
        g.writeFieldName(e.getKey());
        input(g, e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("steps");
      for (PlannedStep s : plan.steps()) {
        step(g, s);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("outputs");
      for (Map.Entry<String, String> e : plan.outputs().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("notes");
      for (String n : plan.notes()) {
        g.writeString(n);
      }
      g.writeEndArray();
      Json.diagnostics(g, "warnings", warnings.stream().filter(d -> !d.isError()).toList());
      g.writeEndObject();
    });
  }

  private static void step(JsonGenerator g, PlannedStep s) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", s.name());
    g.writeStringField("type", s.kind().yamlName());
    g.writeStringField("compute", s.compute());
    g.writeStringField("target", s.target());
    if (s.component().meta().name() != null) {
      g.writeStringField("component", s.component().meta().id());
    }
    g.writeArrayFieldStart("depends_on");
    for (String d : s.dependsOn()) {
      g.writeString(d);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("inputs");
    for (Map.Entry<String, ResolvedInput> e : s.inputs().entrySet()) {
      g.writeFieldName(e.getKey());
      input(g, e.getValue());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("outputs");
    for (Map.Entry<String, PlannedOutput> e : s.outputs().entrySet()) {
      PlannedOutput o = e.getValue();
      g.writeObjectFieldStart(e.getKey());
      g.writeStringField("type", o.type().yamlName());
      if (o.mode() != null) {
        g.writeStringField("mode", o.mode());
      }
      if (o.promotedTo() != null) {
        g.writeStringField("pipeline_output", o.promotedTo());
      }
      if (o.assetName() != null) {
        g.writeStringField("register_as", o.assetName() + (o.assetVersion() != null ? ":" + o.assetVersion() : ""));
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    if (s.component() instanceof Component.Command c && c.command() != null) {
      g.writeStringField("command", c.command().raw());
    }
    g.writeEndObject();
  }

  private static void input(JsonGenerator g, ResolvedInput v) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", v.type() == null ? null : v.type().yamlName());
    if (v instanceof ResolvedInput.Value val) {
      g.writeStringField("kind", "value");
      g.writeFieldName("value");
      Json.value(g, val.value());
    } else if (v instanceof ResolvedInput.StepOutput so) {
      g.writeStringField("kind", "step_output");
      g.writeStringField("step", so.step());
      g.writeStringField("output", so.output());
    } else if (v instanceof ResolvedInput.Asset a) {
      g.writeStringField("kind", "asset");
      g.writeStringField("path", ref(a.reference()));
      if (a.mode() != null) {
        g.writeStringField("mode", a.mode());
      }
    } else {
      g.writeStringField("kind", "unset");
    }
    g.writeEndObject();
  }

  static String dot(Plan plan, String file) {
    StringBuilder sb = new StringBuilder("digraph pipeline {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n");
    sb.append("  label=").append(dotQuote(file)).append(";\n");
    for (PlannedStep s : plan.steps()) {
      sb.append("  ").append(dotQuote(s.name())).append(" [label=").append(dotQuote(s.name() + "\\n" + s.kind()))
          .append("];\n");
    }
    for (PlannedStep s : plan.steps()) {
      for (Map.Entry<String, ResolvedInput> e : s.inputs().entrySet()) {
        if (e.getValue() instanceof ResolvedInput.StepOutput so) {
          sb.append("  ").append(dotQuote(so.step())).append(" -> ").append(dotQuote(s.name())).append(" [label=")
              .append(dotQuote(so.output() + " -> " + e.getKey())).append("];\n");
        }
      }
    }
    return sb.append("}\n").toString();
  }

  private static String dotQuote(String s) {
    return '"' + s.replace("\"", "\\\"") + '"';
  }
}
