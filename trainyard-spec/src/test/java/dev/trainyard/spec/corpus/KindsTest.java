package dev.trainyard.spec.corpus;

import static dev.trainyard.spec.corpus.Corpus.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.DataAssetSpec;
import dev.trainyard.spec.EnvironmentSpec;
import dev.trainyard.spec.IoType;
import dev.trainyard.spec.ModelSpec;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.ScheduleSpec;
import dev.trainyard.spec.StepKind;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.ResolvedInput;
import dev.trainyard.spec.plan.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Kind detection: from {@code type:}, with {@code $schema} as a hint only. */
class KindsTest {

  @ParameterizedTest(name = "{0} is a {1}")
  @CsvSource({
      "kinds/command-job.yml, command job",
      "kinds/command-job-bare.yml, command job",
      "kinds/spark-job.yml, spark job",
      "kinds/parallel-job.yml, parallel job",
      "kinds/pipeline-sdk-schema.yml, pipeline job",
      "kinds/pipeline-no-schema.yml, pipeline job",
      "kinds/pipeline-component-schema-only.yml, pipeline component",
      "kinds/data-asset.yml, data asset",
      "kinds/data-file.yml, data asset",
      "kinds/data-remote.yml, data asset",
      "kinds/model.yml, model",
      "kinds/model-no-type.yml, model",
      "kinds/model-mlflow.yml, model",
      "kinds/environment.yml, environment",
      "kinds/hello-pipeline.yml, pipeline job",
      "kinds/schedule-cron.yml, schedule",
      "kinds/schedule-recurrence.yml, schedule",
      "kinds/schedule-inline-job.yml, schedule",
      "components/prep.yml, command component",
      "components/train.yml, command component",
      "components/score.yml, command component",
      "components/batch-score.yml, parallel component",
      "components/spark-wordcount.yml, spark component",
      "components/inner-pipeline.yml, pipeline component",
      "components/outer-pipeline.yml, pipeline component",
  })
  void detectsTheKind(String rel, String kind) {
    Validator.Report r = Corpus.validate("good/" + rel);
    assertThat(r.kind()).isEqualTo(kind);
    assertThat(r.valid()).as(lines(r.diagnostics())).isTrue();
  }

  /** Every YAML file of the good corpus loads and validates without an error. */
  @ParameterizedTest
  @MethodSource("goodFiles")
  void everyGoodFileIsValid(Path file) {
    Validator.Report r = new Validator(new dev.trainyard.spec.load.SpecLoader()).validate(file);
    assertThat(r.diagnostics().stream().filter(d -> d.isError())).as(lines(r.diagnostics())).isEmpty();
    assertThat(r.kind()).isNotNull();
  }

  static Stream<Path> goodFiles() throws IOException {
    try (Stream<Path> s = Files.walk(Corpus.file("good"))) {
      List<Path> all = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
      assertThat(all).hasSizeGreaterThan(30);
      return all.stream();
    }
  }

  @Test
  void aJobWithoutTypeIsACommandJobOfOneStep() {
    PipelineJob job = Corpus.job("good/kinds/command-job.yml");
    assertThat(job.fromCommandJob()).isTrue();
    assertThat(job.experimentName()).isEqualTo("corpus-kinds");
    assertThat(job.jobs()).containsOnlyKeys("command");
    Component.Command c = (Component.Command) job.jobs().get("command").component();
    assertThat(c.command().raw()).isEqualTo(
        "python prep.py --data ${{inputs.data}} --rate ${{inputs.rate}} --out ${{outputs.result}}");
    assertThat(c.code()).isInstanceOfSatisfying(Reference.LocalPath.class,
        lp -> assertThat(lp.path()).isEqualTo(Corpus.file("good/components/src").toAbsolutePath().normalize()));
    Plan p = Corpus.plan("good/kinds/command-job.yml");
    assertThat(p.step("command").compute()).isEqualTo("azureml:cpu-cluster");
    assertThat(p.step("command").inputs().get("data")).isInstanceOfSatisfying(ResolvedInput.Asset.class, a -> {
      assertThat(a.type()).isEqualTo(IoType.URI_FILE);
      assertThat(a.mode()).isEqualTo("download");
    });
    assertThat(p.step("command").inputs().get("rate")).isEqualTo(new ResolvedInput.Value(0.25, IoType.NUMBER));
    assertThat(p.step("command").outputs().get("result").mode()).isEqualTo("upload");
    assertThat(p.step("command").outputs().get("result").promotedTo()).isEqualTo("result");
    assertThat(p.outputs()).containsEntry("result", "command.result");
  }

  @Test
  void aBareCommandJobNeedsNoSchemaNorType() {
    PipelineJob job = Corpus.job("good/kinds/command-job-bare.yml");
    Component.Command c = (Component.Command) job.jobs().get("command").component();
    assertThat(c.environment().image()).isEqualTo("python:3.11-slim");
    assertThat(c.command().raw()).isEqualTo("echo hello");
  }

  @Test
  void schemaUrlsOnlyHint() {
    assertThat(Corpus.job("good/kinds/pipeline-sdk-schema.yml").jobs()).containsOnlyKeys("only");
    assertThat(Corpus.job("good/kinds/pipeline-no-schema.yml").meta().displayName()).isEqualTo("no schema at all");
    // A pipelineComponent schema makes a file with jobs a component even without name or version.
    Component.Pipeline pc = Corpus.document("good/kinds/pipeline-component-schema-only.yml", Component.Pipeline.class);
    assertThat(pc.jobs()).containsOnlyKeys("only");
    // ...and a version makes one without $schema a component, since pipeline jobs have no version.
    Component.Pipeline outer = Corpus.document("good/components/outer-pipeline.yml", Component.Pipeline.class);
    assertThat(outer.meta().id()).isEqualTo("outer_pipeline:3");
  }

  @Test
  void componentKinds() {
    Component.Command prep = Corpus.document("good/components/prep.yml", Component.Command.class);
    assertThat(prep.kind()).isEqualTo(StepKind.COMMAND);
    assertThat(prep.meta().version()).isEqualTo("1");
    assertThat(Corpus.document("good/components/train.yml", Component.Command.class).meta().version())
        .isEqualTo("0.0.1");
    assertThat(Corpus.document("good/components/batch-score.yml", Component.Parallel.class).kind())
        .isEqualTo(StepKind.PARALLEL);
    Component.Spark spark = Corpus.document("good/components/spark-wordcount.yml", Component.Spark.class);
    assertThat(spark.entryFile()).isEqualTo("wordcount.py");
    assertThat(spark.pyFiles()).containsExactly("utils.zip");
    assertThat(spark.conf()).containsEntry("spark.driver.cores", "1").containsEntry("spark.executor.instances", "2")
        .containsEntry("spark.driver.memory", "2g");
    assertThat(spark.args().raw()).isEqualTo("--input ${{inputs.text}} --output ${{outputs.counts}}");
    assertThat(spark.inputs().get("text").mode()).isEqualTo("direct");
    assertThat(spark.outputs().get("counts").mode()).isEqualTo("direct");
  }

  @Test
  void dataAssets() {
    DataAssetSpec folder = Corpus.document("good/kinds/data-asset.yml", DataAssetSpec.class);
    assertThat(folder.type()).isEqualTo(IoType.URI_FOLDER);
    assertThat(folder.meta().id()).isEqualTo("taxi-data:1");
    assertThat(((Reference.LocalPath) folder.path()).path()).isDirectory();
    DataAssetSpec file = Corpus.document("good/kinds/data-file.yml", DataAssetSpec.class);
    assertThat(file.type()).isEqualTo(IoType.URI_FILE);
    assertThat(file.meta().version()).isEqualTo("2024.01");
    assertThat(((Reference.LocalPath) file.path()).path()).isRegularFile();
    DataAssetSpec remote = Corpus.document("good/kinds/data-remote.yml", DataAssetSpec.class);
    assertThat(remote.path()).isEqualTo(new Reference.Remote(
        "https://azuremlexamples.blob.core.windows.net/datasets/iris.csv", "https"));
  }

  @Test
  void models() {
    ModelSpec custom = Corpus.document("good/kinds/model.yml", ModelSpec.class);
    assertThat(custom.type()).isEqualTo(IoType.CUSTOM_MODEL);
    assertThat(custom.meta().id()).isEqualTo("local-model:3");
    ModelSpec untyped = Corpus.document("good/kinds/model-no-type.yml", ModelSpec.class);
    assertThat(untyped.type()).isEqualTo(IoType.CUSTOM_MODEL);
    assertThat(((Reference.LocalPath) untyped.path()).path()).isRegularFile();
    ModelSpec mlflow = Corpus.document("good/kinds/model-mlflow.yml", ModelSpec.class);
    assertThat(mlflow.type()).isEqualTo(IoType.MLFLOW_MODEL);
    assertThat(mlflow.path()).isEqualTo(new Reference.Datastore(
        "azureml://datastores/workspaceblobstore/paths/models/mlflow/", "workspaceblobstore", "models/mlflow/"));
  }

  @Test
  void environment() {
    EnvironmentSpec env = Corpus.document("good/kinds/environment.yml", EnvironmentSpec.class);
    assertThat(env.image()).isEqualTo("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04");
    assertThat(((Reference.LocalPath) env.condaFile()).path()).isRegularFile();
    assertThat(env.meta().id()).isEqualTo("sklearn-env:1");
  }

  @Test
  void cronScheduleWithCreateJobPath() {
    ScheduleSpec s = Corpus.document("good/kinds/schedule-cron.yml", ScheduleSpec.class);
    assertThat(s.meta().name()).isEqualTo("nightly");
    assertThat(s.trigger()).isEqualTo(new ScheduleSpec.Cron("30 2 * * *", "2024-01-01T00:00:00", "Pacific Standard Time"));
    assertThat(s.job().meta().displayName()).isEqualTo("scheduled");
    assertThat(s.job().jobs()).containsOnlyKeys("say");
    assertThat(s.job().source()).isEqualTo(Corpus.file("good/kinds/hello-pipeline.yml").toAbsolutePath().normalize());
  }

  @Test
  void recurrenceScheduleWithInlineCreateJobOverridesTheFile() {
    ScheduleSpec s = Corpus.document("good/kinds/schedule-recurrence.yml", ScheduleSpec.class);
    assertThat(s.trigger()).isEqualTo(new ScheduleSpec.Recurrence("week", 2, List.of(4, 16), List.of(15), null, "UTC"));
    PipelineJob job = s.job();
    assertThat(job.settings().defaultCompute()).isEqualTo("azureml:gpu-cluster");
    assertThat(job.settings().continueOnStepFailure()).isTrue();
    assertThat(job.meta().tags()).containsEntry("schedule", "weekly");
    assertThat(job.inputs().get("greeting").defaultValue()).isEqualTo("bonjour");
    Plan p = dev.trainyard.spec.plan.Planner.plan(job, java.util.Map.of(), dev.trainyard.spec.registry.Registry.NONE);
    assertThat(p.diagnostics()).isEmpty();
    assertThat(p.step("say").inputs().get("greeting")).isEqualTo(new ResolvedInput.Value("bonjour", IoType.STRING));
    assertThat(p.step("say").compute()).isEqualTo("azureml:gpu-cluster");
  }

  @Test
  void scheduleWithAWholeInlineJob() {
    ScheduleSpec s = Corpus.document("good/kinds/schedule-inline-job.yml", ScheduleSpec.class);
    assertThat(s.trigger()).isEqualTo(new ScheduleSpec.Cron("0 * * * *", null, null));
    assertThat(s.job().jobs()).containsOnlyKeys("tick");
  }

  @Test
  void standaloneSparkAndParallelJobsAreOneStepPipelines() {
    PipelineJob spark = Corpus.job("good/kinds/spark-job.yml");
    assertThat(spark.fromCommandJob()).isTrue();
    assertThat(spark.jobs()).containsOnlyKeys("spark");
    Component.Spark sc = (Component.Spark) spark.jobs().get("spark").component();
    assertThat(sc.conf()).containsEntry("spark.driver.memory", "2g");
    assertThat(spark.jobs().get("spark").resources().instanceType()).isEqualTo("standard_e4s_v3");
    Plan sp = Corpus.plan("good/kinds/spark-job.yml");
    assertThat(sp.step("spark").kind()).isEqualTo(StepKind.SPARK);
    assertThat(sp.outputs()).containsEntry("counts", "spark.counts");

    Plan pp = Corpus.plan("good/kinds/parallel-job.yml");
    assertThat(pp.step("parallel").kind()).isEqualTo(StepKind.PARALLEL);
    assertThat(pp.step("parallel").compute()).isEqualTo("azureml:cpu-cluster");
    Component.Parallel pc = (Component.Parallel) pp.step("parallel").component();
    assertThat(pc.miniBatchSize().files()).isEqualTo(5);
    assertThat(pp.step("parallel").outputs().get("scores").promotedTo()).isEqualTo("scores");
  }
}
