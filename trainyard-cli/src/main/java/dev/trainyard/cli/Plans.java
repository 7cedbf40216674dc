package dev.trainyard.cli;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.SpecDocument;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.Planner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads and plans a pipeline file for {@code plan}, {@code run} and {@code resume}, reporting bad input. */
final class Plans {
  private Plans() {}

  /**
   * A plan, or the findings that stop one; {@code files}: the YAML files read for it besides the
   * pipeline file (its component files), by absolute path.
   */
  record Outcome(Plan plan, List<Diagnostic> diagnostics, String notAPipeline, Map<Path, byte[]> files) {
    boolean ok() {
      return plan != null;
    }

    List<Diagnostic> warnings() {
      return diagnostics.stream().filter(d -> !d.isError()).toList();
    }
  }

  static Outcome make(Path file, Map<String, String> overrides, Path workspace) {
    return make(file, overrides, workspace, Map.of());
  }

  /** As {@link #make(Path, Map, Path)}, reading the {@code recorded} files' bytes instead of the disk's. */
  static Outcome make(Path file, Map<String, String> overrides, Path workspace, Map<Path, byte[]> recorded) {
    try (var registry = Workspaces.registry(workspace)) {
      return make(file, overrides, new SpecLoader(registry).recorded(recorded));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Outcome make(Path file, Map<String, String> overrides, SpecLoader loader) {
    SpecLoader.Result loaded = loader.load(file);
    if (!loaded.valid()) {
      return new Outcome(null, loaded.diagnostics(), null, Map.of());
    }
    SpecDocument doc = loaded.document();
    if (!(doc instanceof PipelineJob job)) {
      return new Outcome(null, List.of(), loader.display(file) + ": error: this is a " + doc.kindName()
          + "; expected a pipeline job or a command job", Map.of());
    }
    Plan plan = Planner.plan(job, overrides, loader.registry());
    java.util.LinkedHashSet<Diagnostic> merged = new java.util.LinkedHashSet<>(loaded.diagnostics());
    merged.addAll(plan.diagnostics());
    List<Diagnostic> all = new ArrayList<>(merged);
    boolean bad = all.stream().anyMatch(Diagnostic::isError);
    Map<Path, byte[]> files = new java.util.LinkedHashMap<>(loader.filesRead());
    files.remove(file.toAbsolutePath().normalize());
    return new Outcome(bad ? null : plan, all, null, files);
  }

  /** Prints why there is no plan (to stderr, or as JSON on stdout) and returns the bad-input code. */
  static int report(Outcome o, Path file, OutputOptions output) {
    if (o.notAPipeline() != null) {
      if (output.json) {
        System.out.println(Json.write(g -> {
          g.writeStartObject();
          g.writeStringField("file", new SpecLoader().display(file));
          g.writeStringField("error", o.notAPipeline());
          g.writeEndObject();
        }));
      } else {
        System.err.println(o.notAPipeline());
      }
      return ExitCodes.BAD_INPUT;
    }
    if (output.json) {
      System.out.println(Json.write(g -> {
        g.writeStartObject();
        g.writeStringField("file", new SpecLoader().display(file));
        g.writeBooleanField("valid", false);
        Json.diagnostics(g, "errors", o.diagnostics().stream().filter(Diagnostic::isError).toList());
        Json.diagnostics(g, "warnings", o.warnings());
        g.writeEndObject();
      }));
    } else {
      o.diagnostics().stream().filter(d -> d.isError() || !output.quiet).forEach(d -> System.err.println(d.format()));
    }
    return ExitCodes.BAD_INPUT;
  }
}
