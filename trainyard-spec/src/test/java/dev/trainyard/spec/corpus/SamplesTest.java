package dev.trainyard.spec.corpus;

import static dev.trainyard.spec.corpus.Corpus.lines;
import static dev.trainyard.spec.corpus.Corpus.stepNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.IoType;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.Step;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.PlannedStep;
import dev.trainyard.spec.plan.ResolvedInput;
import dev.trainyard.spec.plan.Validator;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real sample pipelines of {@code /work/shared/samples/azureml/}, copied byte for byte. */
class SamplesTest {
  private static final String ABC = "samples/azureml/hello-pipeline-abc.yml";
  private static final String IO = "samples/azureml/hello-pipeline-io.yml";
  private static final String SETTINGS = "samples/azureml/hello-pipeline-settings.yml";
  private static final String HELLO = "samples/azureml/hello-pipeline.yml";
  private static final String TAXI = "samples/nyc-taxi/pipelines/taxi/nyc-taxi-template-pipeline.yml";
  private static final String SKLEARN = "azureml://registries/azureml/environments/sklearn-1.5/labels/latest";
  private static final String NOTE = "compute 'azureml:cpu-cluster' is not configured here; its steps run on 'local'";

  @ParameterizedTest
  @ValueSource(strings = {ABC, IO, SETTINGS, HELLO, TAXI})
  void validatesWithoutFindings(String rel) {
    Validator.Report r = Corpus.validate(rel);
    assertThat(r.kind()).isEqualTo("pipeline job");
    assertThat(r.diagnostics()).as(lines(r.diagnostics())).isEmpty();
    assertThat(r.valid()).isTrue();
  }

  @Test
  void abcHasNoFinalNewlineAndStillLoads() throws Exception {
    String text = Files.readString(Corpus.file(ABC));
    assertThat(text).endsWith("}}\n ").doesNotEndWith("\n");
    PipelineJob job = Corpus.job(ABC);
    assertThat(job.meta().displayName()).isEqualTo("hello_pipeline_abc");
    assertThat(job.settings().defaultCompute()).isEqualTo("azureml:cpu-cluster");
    assertThat(job.jobs()).containsOnlyKeys("a", "b", "c");
    Step c = job.jobs().get("c");
    assertThat(((Component.Command) c.component()).command().raw()).isEqualTo("echo ${{inputs.world_input}}/world.txt");
  }

  @Test
  void abcPlansAThenBThenCWithResolvedInputs() {
    Plan p = Corpus.plan(ABC);
    assertThat(stepNames(p)).containsExactly("a", "b", "c");
    assertThat(p.inputs()).containsEntry("hello_string_top_level_input",
        new ResolvedInput.Value("hello world", IoType.STRING));
    PlannedStep a = p.step("a");
    assertThat(a.inputs()).containsExactly(Map.entry("hello_string", new ResolvedInput.Value("hello world", IoType.STRING)));
    assertThat(a.dependsOn()).isEmpty();
    PlannedStep b = p.step("b");
    assertThat(b.inputs()).isEmpty();
    assertThat(b.outputs()).containsOnlyKeys("world_output");
    assertThat(b.outputs().get("world_output").type()).isEqualTo(IoType.URI_FOLDER);
    assertThat(b.outputs().get("world_output").mode()).isNull();
    PlannedStep c = p.step("c");
    assertThat(c.dependsOn()).containsExactly("b");
    assertThat(c.inputs()).containsExactly(Map.entry("world_input",
        new ResolvedInput.StepOutput("b", "world_output", IoType.URI_FOLDER)));
    assertThat(p.steps()).allSatisfy(s -> {
      assertThat(s.compute()).isEqualTo("azureml:cpu-cluster");
      assertThat(s.target()).isEqualTo("local");
      Component.Command cmd = (Component.Command) s.component();
      assertThat(cmd.environment().reference()).isInstanceOf(Reference.RegistryUri.class);
      assertThat(cmd.environment().raw()).isEqualTo(SKLEARN);
    });
    assertThat(p.notes()).containsExactly(NOTE);
    assertThat(p.outputs()).isEmpty();
  }

  @Test
  void ioUsesStepLevelComputeAndChainsTheOutput() {
    PipelineJob job = Corpus.job(IO);
    assertThat(job.settings().defaultCompute()).isNull();
    assertThat(job.jobs().get("hello_job").compute().raw()).isEqualTo("azureml:cpu-cluster");
    Plan p = Corpus.plan(IO);
    assertThat(stepNames(p)).containsExactly("hello_job", "world_job");
    assertThat(p.step("world_job").dependsOn()).containsExactly("hello_job");
    assertThat(p.step("world_job").inputs().get("world_input"))
        .isEqualTo(new ResolvedInput.StepOutput("hello_job", "world_output", IoType.URI_FOLDER));
    assertThat(((Component.Command) p.step("hello_job").component()).command().raw())
        .isEqualTo("echo \"hello\" && echo \"world\" > ${{outputs.world_output}}/world.txt");
    assertThat(p.notes()).containsExactly(NOTE);
  }

  @Test
  void settingsSampleKeepsDatastoreAndCompute() {
    PipelineJob job = Corpus.job(SETTINGS);
    assertThat(job.settings().defaultDatastore()).isEqualTo("azureml:workspaceblobstore");
    assertThat(job.settings().defaultCompute()).isEqualTo("azureml:cpu-cluster");
    assertThat(job.settings().other()).isEmpty();
    Plan p = Corpus.plan(SETTINGS);
    assertThat(stepNames(p)).containsExactly("hello_job", "world_job");
    assertThat(p.steps()).allSatisfy(s -> assertThat(s.dependsOn()).isEmpty());
    assertThat(p.steps()).allSatisfy(s -> assertThat(s.compute()).isEqualTo("azureml:cpu-cluster"));
    assertThat(p.notes()).containsExactly(NOTE);
  }

  @Test
  void helloPlansTwoIndependentStepsInFileOrder() {
    Plan p = Corpus.plan(HELLO);
    assertThat(stepNames(p)).containsExactly("hello_job", "world_job");
    assertThat(((Component.Command) p.step("world_job").component()).command().raw()).isEqualTo("echo \"world\"");
    assertThat(p.step("hello_job").kind()).hasToString("command");
  }

  @Test
  void taxiLoadsItsDataCodeAndFoldedCommands() {
    PipelineJob job = Corpus.job(TAXI);
    assertThat(job.experimentName()).isEqualTo("nyc-taxi-pipeline-example");
    assertThat(job.meta().description()).isEqualTo("Train model with nyc taxi data");
    assertThat(job.jobs()).containsOnlyKeys("prep_job", "transform_job", "train_job", "predict_job", "score_job");
    Component.Command prep = (Component.Command) job.jobs().get("prep_job").component();
    // "./../../" from pipelines/taxi/ is the sample's root, which holds src/nyc_src.
    assertThat(prep.code()).isInstanceOfSatisfying(Reference.LocalPath.class, lp -> {
      assertThat(lp.path()).isEqualTo(Corpus.file("samples/nyc-taxi").toAbsolutePath().normalize());
      assertThat(lp.path().resolve("src/nyc_src")).isDirectory();
    });
    // Folded ">-": lines joined by one space; the trailing blank on "--raw_data ... " is kept.
    assertThat(prep.command().raw()).isEqualTo("python -m src.nyc_src.prep.prep --raw_data ${{inputs.raw_data}}"
        + "  --prep_data ${{outputs.prep_data}}");
    assertThat(prep.environment().reference()).isEqualTo(
        new Reference.Registered("azureml:AzureML-sklearn-0.24-ubuntu18.04-py37-cpu@latest",
            "AzureML-sklearn-0.24-ubuntu18.04-py37-cpu", null, "latest"));
    Component.Command score = (Component.Command) job.jobs().get("score_job").component();
    assertThat(score.command().raw()).startsWith("python -m src.nyc_src.score.score --predictions");
    assertThat(job.jobs().get("train_job").outputs().get("test_data").mode()).isEqualTo("upload");
    assertThat(job.jobs().get("train_job").outputs().get("model_output").mode()).isNull();
  }

  @Test
  void taxiPlansFiveStepsInDependencyOrder() {
    Plan p = Corpus.plan(TAXI);
    assertThat(p.diagnostics()).as(lines(p.diagnostics())).isEmpty();
    assertThat(stepNames(p)).containsExactly("prep_job", "transform_job", "train_job", "predict_job", "score_job");
    PlannedStep prep = p.step("prep_job");
    assertThat(prep.inputs().get("raw_data")).isInstanceOfSatisfying(ResolvedInput.Asset.class, a -> {
      assertThat(a.type()).isEqualTo(IoType.URI_FOLDER);
      assertThat(((Reference.LocalPath) a.reference()).path().resolve("greenTaxiData.csv")).isRegularFile();
    });
    assertThat(prep.outputs().get("prep_data").mode()).isEqualTo("upload");
    assertThat(p.step("transform_job").inputs().get("clean_data"))
        .isEqualTo(new ResolvedInput.StepOutput("prep_job", "prep_data", IoType.URI_FOLDER));
    assertThat(p.step("predict_job").inputs()).containsExactly(
        Map.entry("model_input", new ResolvedInput.StepOutput("train_job", "model_output", IoType.URI_FOLDER)),
        Map.entry("test_data", new ResolvedInput.StepOutput("train_job", "test_data", IoType.URI_FOLDER)));
    assertThat(p.step("score_job").dependsOn()).containsExactly("predict_job", "train_job");
    assertThat(p.steps()).allSatisfy(s -> assertThat(s.target()).isEqualTo("local"));
    assertThat(p.notes()).containsExactly(NOTE);
    assertThat(List.copyOf(p.step("train_job").outputs().keySet())).containsExactly("model_output", "test_data");
  }

  /** The same file without its data folder next to it (as in the shared samples folder) only warns. */
  @Test
  void taxiWithoutItsDataFolderWarnsExactly() {
    String flat = "samples/nyc-taxi-flat/nyc-taxi-template-pipeline.yml";
    Validator.Report r = Corpus.validate(flat);
    assertThat(r.valid()).isTrue();
    assertThat(r.diagnostics()).containsExactly(new dev.trainyard.spec.Diagnostic(
        dev.trainyard.spec.Diagnostic.Severity.WARNING, Corpus.shown(flat), 19, 17,
        "jobs.prep_job.inputs.raw_data.path", "path './data' does not exist (yet)",
        "paths are relative to the YAML file's folder"));
    assertThat(stepNames(Corpus.plan(flat))).containsExactly(
        "prep_job", "transform_job", "train_job", "predict_job", "score_job");
  }
}
