package dev.trainyard.spec.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.IoType;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.Planner;
import dev.trainyard.spec.plan.ResolvedInput;
import dev.trainyard.spec.registry.Registry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --set inputs.NAME=VALUE}: the overrides map of {@link Planner#plan}. */
class OverridesTest {
  private static final String FILE = "good/pipelines/overrides.yml";

  private static Plan plan(Map<String, String> overrides) {
    return Planner.plan(Corpus.job(FILE), overrides, Registry.NONE);
  }

  @Test
  void typedOverridesReplaceValues() {
    Map<String, String> set = new LinkedHashMap<>();
    set.put("epochs", "20");
    set.put("rate", "0.5");
    set.put("early", "False");
    set.put("note", "3");
    set.put("batch", "8");
    set.put("speed", "slow");
    set.put("raw", "./elsewhere");
    Plan p = plan(set);
    assertThat(p.diagnostics()).extracting(Diagnostic::message).allMatch(m -> m.startsWith("distribution"));
    assertThat(p.inputs()).containsEntry("epochs", new ResolvedInput.Value(20L, IoType.INTEGER))
        .containsEntry("rate", new ResolvedInput.Value(0.5, IoType.NUMBER))
        .containsEntry("early", new ResolvedInput.Value(false, IoType.BOOLEAN))
        .containsEntry("note", new ResolvedInput.Value("3", IoType.STRING))
        .containsEntry("batch", new ResolvedInput.Value(8L, IoType.INTEGER))
        .containsEntry("speed", new ResolvedInput.Value("slow", IoType.STRING));
    // A path given on the command line is relative to the working directory.
    assertThat(p.inputs().get("raw")).isEqualTo(new ResolvedInput.Asset(new Reference.LocalPath("./elsewhere",
        Path.of("elsewhere").toAbsolutePath()), IoType.URI_FOLDER, null));
    assertThat(p.step("train").inputs()).containsEntry("max_epochs", new ResolvedInput.Value(20L, IoType.INTEGER))
        .containsEntry("early_stop", new ResolvedInput.Value(false, IoType.BOOLEAN))
        .containsEntry("training_data", p.inputs().get("raw"));
    assertThat(p.step("echo").inputs()).containsEntry("batch", new ResolvedInput.Value(8L, IoType.INTEGER));
  }

  @Test
  void noOverridesKeepTheFileValues() {
    Plan p = plan(Map.of());
    assertThat(p.inputs()).containsEntry("epochs", new ResolvedInput.Value(10L, IoType.INTEGER))
        .containsEntry("batch", new ResolvedInput.Value(2L, IoType.INTEGER));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "epoch | 3 | inputs.epoch | the pipeline has no input 'epoch' | did you mean 'epochs'?",
      "nothing_like_it | 3 | inputs.nothing_like_it | the pipeline has no input 'nothing_like_it' |"
          + " its inputs: raw, epochs, rate, early, note, batch, speed",
      "batch | x | inputs.batch | 'x' is not an integer |",
      "batch | 9 | inputs.batch | input 'batch' is 9, above its max 8 |",
      "batch | 0 | inputs.batch | input 'batch' is 0, below its min 1 |",
      "speed | fastest | inputs.speed | 'fastest' is not one of [fast, slow] for input 'speed' |",
  })
  void badOverridesAreErrorsAtTheCommandLine(String name, String value, String path, String message, String hint) {
    Plan p = plan(Map.of(name, value));
    assertThat(p.diagnostics()).filteredOn(Diagnostic::isError).containsExactly(
        new Diagnostic(Diagnostic.Severity.ERROR, "--set", 0, 0, path, message, hint));
  }

  @Test
  void anInferredTypeDoesNotBindTheOverrideButTheComponentInputDoes() {
    // "epochs: 10" only infers integer; the component's max_epochs declares it, once.
    Plan p = plan(Map.of("epochs", "abc"));
    assertThat(p.inputs().get("epochs")).isEqualTo(new ResolvedInput.Value("abc", IoType.STRING));
    assertThat(p.diagnostics()).filteredOn(Diagnostic::isError).containsExactly(new Diagnostic(Diagnostic.Severity.ERROR,
        Corpus.shown(FILE), 26, 19, "jobs.train.inputs.max_epochs",
        "type mismatch: input 'max_epochs' is an integer but is given the string 'abc'", null));
  }

  @Test
  void overridesOfAComponentJobAreTypedByTheComponentAndCheckedWhereTheyFlow() {
    Plan ok = Planner.plan(Corpus.job("good/pipelines/component-job.yml"), Map.of("epochs", "7"), Registry.NONE);
    assertThat(ok.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    assertThat(ok.step("train").inputs().get("max_epochs")).isEqualTo(new ResolvedInput.Value(7L, IoType.INTEGER));
    Plan notInt = Planner.plan(Corpus.job("good/pipelines/component-job.yml"), Map.of("epochs", "7.5"), Registry.NONE);
    assertThat(notInt.diagnostics()).filteredOn(Diagnostic::isError).containsExactly(
        new Diagnostic(Diagnostic.Severity.ERROR, "--set", 0, 0, "inputs.epochs", "'7.5' is not an integer", null));
    // train_model's max_epochs allows at most 100: reported where the value enters it.
    Plan tooMany = Planner.plan(Corpus.job("good/pipelines/component-job.yml"), Map.of("epochs", "500"), Registry.NONE);
    assertThat(tooMany.diagnostics()).filteredOn(Diagnostic::isError).containsExactly(
        new Diagnostic(Diagnostic.Severity.ERROR, Corpus.shown("good/components/inner-pipeline.yml"), 25, 19,
            "jobs.train.inputs.max_epochs", "input 'max_epochs' is 500, above its max 100", null));
  }
}
