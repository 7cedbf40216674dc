package dev.trainyard.spec.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.plan.Validator;
import org.junit.jupiter.api.Test;

/** Unknown keys warn, with a "did you mean", and never make a file invalid. */
class WarningsTest {

  @Test
  void typosInKeysWarnWhereTheyAre() {
    String rel = "warnings/typo-step-key.yml";
    Validator.Report r = Corpus.validate(rel);
    assertThat(r.valid()).isTrue();
    String f = Corpus.shown(rel);
    assertThat(r.diagnostics()).containsExactly(
        new Diagnostic(Diagnostic.Severity.WARNING, f, 2, 1, "dispaly_name",
            "unknown key 'dispaly_name' in a pipeline job (ignored)", "did you mean 'display_name'?"),
        new Diagnostic(Diagnostic.Severity.WARNING, f, 6, 5, "jobs.a.enviroment",
            "unknown key 'enviroment' in a command step (ignored)", "did you mean 'environment'?"),
        new Diagnostic(Diagnostic.Severity.WARNING, f, 10, 9, "jobs.a.inputs.x.defualt",
            "unknown key 'defualt' in an input (ignored)", "did you mean 'default'?"));
  }
}
