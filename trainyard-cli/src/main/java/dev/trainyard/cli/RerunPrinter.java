package dev.trainyard.cli;

import dev.trainyard.engine.Reproducibility;
import java.util.List;

/** The end of {@code rerun}: per step and output, identical or not; or the JSON object scripts read. */
final class RerunPrinter {
  /** Differing files listed per output in text; JSON lists them all. */
  private static final int MAX_FILES = 20;

  private RerunPrinter() {}

  static void print(Reproducibility.Report r, OutputOptions output) {
    if (output.json) {
      System.out.println(json(r));
      return;
    }
    if (output.quiet) {
      return;
    }
    System.out.println("rerun " + r.rerunId() + " of run " + r.originalRunId() + ": " + r.rerunStatus());
    for (Reproducibility.StepComparison s : r.steps()) {
      String label = s.nonDeterministic() ? "NON-DETERMINISTIC" : s.verdict().replace('_', ' ');
      System.out.println(String.format("  %-17s %s", label, s.name()) + (s.detail() != null && !s.nonDeterministic()
          ? ": " + s.detail() : ""));
      List<String> definition = s.changedParts().stream().filter(p -> !p.startsWith("input.")).toList();
      if (s.verdict().equals("identical") && !definition.isEmpty()) {
        // Same bytes, but not the same step: say so rather than let "identical" claim a faithful rerun.
        System.out.println("      note: its definition differs from the original's (" + String.join(", ", definition)
            + "): component files are read as they are now");
      }
      for (Reproducibility.OutputComparison o : s.outputs()) {
        if (o.verdict().equals("identical")) {
          continue;
        }
        System.out.println("      output " + o.name() + " " + describe(o.verdict()));
        List<Reproducibility.FileChange> files = o.files();
        files.stream().limit(MAX_FILES).forEach(f -> System.out.println("        " + f.change() + ": " + f.path()));
        if (files.size() > MAX_FILES) {
          System.out.println("        ... and " + (files.size() - MAX_FILES) + " more (see --json)");
        }
      }
    }
    List<String> nd = r.nonDeterministic();
    if (!nd.isEmpty()) {
      System.out.println("non-deterministic steps: " + String.join(", ", nd));
    }
    long same = r.steps().stream().filter(s -> s.verdict().equals("identical")).count();
    System.out.println(r.reproduced() ? "reproduced: every output is identical to the original's"
        : r.identical() ? "not reproduced: every output is identical, but the definition of "
            + String.join(", ", r.definitionChanged()) + " differs from the original's"
        : "not reproduced: " + same + " of " + r.steps().size() + " steps identical");
  }

  private static String describe(String verdict) {
    return switch (verdict) {
      case "differs" -> "differs";
      case "missing" -> "was not produced by the rerun";
      case "new" -> "was not produced by the original";
      default -> verdict;
    };
  }

  private static String json(Reproducibility.Report r) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("run", r.rerunId());
      g.writeStringField("rerun_of", r.originalRunId());
      g.writeStringField("status", r.rerunStatus());
      g.writeBooleanField("reproduced", r.reproduced());
      g.writeBooleanField("identical", r.identical());
      g.writeArrayFieldStart("non_deterministic");
      for (String s : r.nonDeterministic()) {
        g.writeString(s);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("definition_changed");
      for (String s : r.definitionChanged()) {
        g.writeString(s);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("steps");
      for (Reproducibility.StepComparison s : r.steps()) {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("verdict", s.verdict());
        g.writeBooleanField("non_deterministic", s.nonDeterministic());
        if (s.detail() != null) {
          g.writeStringField("detail", s.detail());
        }
        g.writeArrayFieldStart("changed");
        for (String p : s.changedParts()) {
          g.writeString(p);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("outputs");
        for (Reproducibility.OutputComparison o : s.outputs()) {
          g.writeStartObject();
          g.writeStringField("name", o.name());
          g.writeStringField("verdict", o.verdict());
          g.writeStringField("original_sha256", o.originalSha256());
          g.writeStringField("rerun_sha256", o.rerunSha256());
          g.writeArrayFieldStart("files");
          for (Reproducibility.FileChange f : o.files()) {
            g.writeStartObject();
            g.writeStringField("path", f.path());
            g.writeStringField("change", f.change());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }
}
