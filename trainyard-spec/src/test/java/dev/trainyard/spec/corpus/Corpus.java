package dev.trainyard.spec.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.SpecDocument;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.Planner;
import dev.trainyard.spec.plan.Validator;
import dev.trainyard.spec.registry.Registry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shared access to the fixture corpus. Files are read from the source tree (not the copied test
 * classes) so that diagnostics name stable paths such as {@code src/test/resources/broken/x.yml}.
 */
final class Corpus {
  static final Path ROOT = Path.of("src/test/resources");

  private Corpus() {}

  static Path file(String rel) {
    return ROOT.resolve(rel);
  }

  /** The path a diagnostic names for {@code rel}: relative to the module, as Maven runs tests. */
  static String shown(String rel) {
    return new SpecLoader().display(file(rel));
  }

  static SpecLoader.Result load(String rel) {
    return new SpecLoader().load(file(rel));
  }

  static Validator.Report validate(String rel) {
    return new Validator(new SpecLoader()).validate(file(rel));
  }

  /** Loads a document that must load without errors. */
  static <T extends SpecDocument> T document(String rel, Class<T> type) {
    SpecLoader.Result r = load(rel);
    assertThat(r.errors()).as("load errors of %s:%n%s", rel, lines(r.diagnostics())).isEmpty();
    assertThat(r.document()).as("document of %s", rel).isInstanceOf(type);
    return type.cast(r.document());
  }

  static PipelineJob job(String rel) {
    return document(rel, PipelineJob.class);
  }

  /** Plans a pipeline that must load and plan without errors. */
  static Plan plan(String rel) {
    return plan(rel, Map.of());
  }

  static Plan plan(String rel, Map<String, String> overrides) {
    Plan p = Planner.plan(job(rel), overrides, Registry.NONE);
    assertThat(p.diagnostics().stream().filter(Diagnostic::isError))
        .as("plan errors of %s:%n%s", rel, lines(p.diagnostics())).isEmpty();
    return p;
  }

  static List<String> stepNames(Plan p) {
    return p.steps().stream().map(s -> s.name()).toList();
  }

  static String lines(List<Diagnostic> ds) {
    return ds.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
  }
}
