package dev.trainyard.spec.plan;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.Resources;
import dev.trainyard.spec.ScheduleSpec;
import dev.trainyard.spec.SpecDocument;
import dev.trainyard.spec.Step;
import dev.trainyard.spec.load.Diagnostics;
import dev.trainyard.spec.load.SpecLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads a file and checks it as far as its kind allows: what {@code trainyard validate} runs. */
public final class Validator {
  private final SpecLoader loader;

  public Validator(SpecLoader loader) {
    this.loader = loader;
  }

  /** The outcome for one file. */
  public record Report(Path file, String kind, List<Diagnostic> diagnostics) {
    public boolean valid() {
      return kind != null && diagnostics.stream().noneMatch(Diagnostic::isError);
    }
  }

  public Report validate(Path file) {
    SpecLoader.Result r = loader.load(file);
    Diagnostics all = new Diagnostics();
    all.addAll(r.diagnostics());
    SpecDocument doc = r.document();
    if (doc != null && !all.hasErrors()) {
      all.addAll(check(doc));
    }
    return new Report(file, doc == null ? null : doc.kindName(), all.all());
  }

  /** Plan-level checks for a loaded document. */
  public List<Diagnostic> check(SpecDocument doc) {
    if (doc instanceof PipelineJob job) {
      return Planner.plan(job, Map.of(), loader.registry()).diagnostics();
    }
    if (doc instanceof Component.Pipeline pc) {
      return Planner.planComponent(pc, loader.registry()).diagnostics();
    }
    if (doc instanceof ScheduleSpec s && s.job() != null) {
      List<Diagnostic> found = Planner.plan(s.job(), Map.of(), loader.registry()).diagnostics();
      if (!s.job().source().equals(s.source())) {
        return found;
      }
      // An inline create_job: the planner's paths start at the job, which sits under create_job.
      String file = loader.display(s.source());
      return found.stream().map(d -> !d.file().equals(file) ? d : new Diagnostic(d.severity(), d.file(), d.line(),
          d.column(), d.path().isEmpty() ? "create_job" : "create_job." + d.path(), d.message(), d.hint())).toList();
    }
    if (doc instanceof Component c && !(c instanceof Component.Unsupported)) {
      Diagnostics out = new Diagnostics();
      Map<String, ResolvedInput> inputs = new LinkedHashMap<>();
      c.inputs().forEach((n, p) -> inputs.put(n, p.hasValue() || !p.optional()
          ? new ResolvedInput.Unbound(n, p.type()) : new ResolvedInput.Absent(p.type())));
      Step self = new Step(c.meta().name() == null ? "component" : c.meta().name(), c.kind(), c, null, Map.of(),
          Map.of(), null, Resources.NONE, Map.of(), null, null, c.meta().at());
      new TemplateChecker(out).check(self, inputs, "", "the component");
      return out.all();
    }
    return List.of();
  }
}
