package dev.trainyard.spec.corpus;

import static dev.trainyard.spec.corpus.Corpus.lines;
import static dev.trainyard.spec.corpus.Corpus.stepNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.Component;
import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.InputValue;
import dev.trainyard.spec.IoType;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.PortSpec;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.Resources;
import dev.trainyard.spec.Step;
import dev.trainyard.spec.StepKind;
import dev.trainyard.spec.Template;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.PlannedStep;
import dev.trainyard.spec.plan.ResolvedInput;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Top-level keys, step keys, settings, commands, loose scalars and bindings of pipeline jobs. */
class PipelineFeaturesTest {
  private static final String ALL = "good/pipelines/all-keys.yml";
  private static final String BINDINGS = "good/pipelines/bindings.yml";

  @Test
  void everyTopLevelKey() {
    PipelineJob job = Corpus.job(ALL);
    assertThat(job.meta().displayName()).isEqualTo("every key");
    assertThat(job.meta().description()).isEqualTo("Every top-level and step key the dialect uses");
    assertThat(job.meta().tags()).containsExactly(Map.entry("team", "corpus"), Map.entry("tier", "gold"));
    assertThat(job.experimentName()).isEqualTo("corpus-all-keys");
    assertThat(job.compute()).isEqualTo("azureml:old-style-cluster");
    // settings.default_compute wins over the older top-level compute.
    assertThat(job.defaultCompute()).isEqualTo("azureml:cpu-cluster");
    assertThat(job.inputs()).containsOnlyKeys("raw", "gpu_compute");
    assertThat(job.inputs().get("raw").mode()).isEqualTo("ro_mount");
    assertThat(job.outputs().get("final").mode()).isEqualTo("rw_mount");
    assertThat(job.jobs()).containsOnlyKeys("prep", "train", "score");
  }

  @Test
  void settingsKeysAndAnUnknownOneThatOnlyWarns() {
    SpecLoader.Result r = Corpus.load(ALL);
    PipelineJob job = (PipelineJob) r.document();
    assertThat(job.settings().defaultCompute()).isEqualTo("azureml:cpu-cluster");
    assertThat(job.settings().defaultDatastore()).isEqualTo("azureml:workspaceblobstore");
    assertThat(job.settings().continueOnStepFailure()).isTrue();
    assertThat(job.settings().forceRerun()).isFalse();
    assertThat(job.settings().other()).containsExactly(Map.entry("default_datestore", "azureml:typo_store"));
    // identity and services are known step keys: the typo is the only finding of the load.
    assertThat(r.diagnostics()).containsExactly(new Diagnostic(Diagnostic.Severity.WARNING, Corpus.shown(ALL), 15, 3,
        "settings.default_datestore", "unknown key 'default_datestore' in settings (ignored)",
        "did you mean 'default_datastore'?"));
    assertThat(r.valid()).isTrue();
  }

  @Test
  void everyStepKey() {
    PipelineJob job = Corpus.job(ALL);
    Step prep = job.jobs().get("prep");
    assertThat(prep.kind()).isEqualTo(StepKind.COMMAND);
    assertThat(prep.displayName()).isEqualTo("Prepare");
    assertThat(prep.componentRef()).isNull();
    assertThat(prep.resources()).isEqualTo(new Resources(1, null, 3600L));
    assertThat(prep.environmentVariables()).containsExactly(Map.entry("LOG_LEVEL", "debug"), Map.entry("RETRIES", "3"));
    assertThat(prep.isDeterministic()).isFalse();
    assertThat(prep.outputs().get("cleaned").mode()).isEqualTo("upload");
    Component.Command prepCmd = (Component.Command) prep.component();
    assertThat(((Reference.LocalPath) prepCmd.code()).path()).isDirectory();
    assertThat(prepCmd.environment().reference()).isInstanceOf(Reference.Registered.class);

    Step train = job.jobs().get("train");
    assertThat(train.kind()).isEqualTo(StepKind.COMMAND); // no type: a command step
    assertThat(train.compute().soleBinding().scope()).isEqualTo(Binding.Scope.PARENT_INPUTS);
    Component.Command trainCmd = (Component.Command) train.component();
    assertThat(trainCmd.distribution()).isEqualTo("tensorflow");
    assertThat(trainCmd.environment().image()).isEqualTo("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04");
    assertThat(((Reference.LocalPath) trainCmd.environment().condaFile()).path()).isRegularFile();
    assertThat(((Reference.LocalPath) trainCmd.code()).path()).isEqualTo(((Reference.LocalPath) prepCmd.code()).path());
    assertThat(train.outputs().get("model").binding().soleBinding().scope()).isEqualTo(Binding.Scope.PARENT_OUTPUTS);

    Component.Command score = (Component.Command) job.jobs().get("score").component();
    assertThat(score.environment().reference()).isEqualTo(new Reference.RegistryUri(
        "azureml://registries/azureml/environments/sklearn-1.5/versions/3", "azureml", "environments", "sklearn-1.5",
        "3", null));
  }

  @Test
  void everyStepKeyPlans() {
    Plan p = Corpus.plan(ALL);
    assertThat(stepNames(p)).containsExactly("prep", "train", "score");
    PlannedStep prep = p.step("prep");
    assertThat(prep.deterministic()).isFalse();
    assertThat(prep.compute()).isEqualTo("azureml:cpu-cluster");
    assertThat(prep.resources().timeoutSeconds()).isEqualTo(3600L);
    assertThat(prep.inputs().get("raw")).isInstanceOfSatisfying(ResolvedInput.Asset.class,
        a -> assertThat(a.mode()).isEqualTo("ro_mount"));
    PlannedStep train = p.step("train");
    assertThat(train.compute()).isEqualTo("azureml:gpu-cluster"); // compute given by a binding
    assertThat(train.dependsOn()).containsExactly("prep");
    assertThat(train.outputs().get("model").promotedTo()).isEqualTo("final");
    assertThat(p.outputs()).containsExactly(Map.entry("final", "train.model"));
    assertThat(p.step("score").compute()).isEqualTo("azureml:serverless");
    assertThat(p.notes()).containsExactly(
        "compute 'azureml:cpu-cluster' is not configured here; its steps run on 'local'",
        "compute 'azureml:gpu-cluster' is not configured here; its steps run on 'local'",
        "compute 'azureml:serverless' (Azure's serverless compute) runs on 'local'");
    assertThat(p.diagnostics()).containsExactly(new Diagnostic(Diagnostic.Severity.WARNING, Corpus.shown(ALL), 52, 3,
        "jobs.train.distribution", "distribution 'tensorflow' is Azure-only: the step runs as one process per instance",
        null));
  }

  @Test
  void componentsByRelativeAndFilePaths() {
    PipelineJob job = Corpus.job("good/pipelines/components.yml");
    Step prep = job.jobs().get("prep");
    assertThat(prep.componentRef()).isInstanceOfSatisfying(Reference.LocalPath.class,
        lp -> assertThat(lp.raw()).isEqualTo("../components/prep.yml"));
    assertThat(job.jobs().get("train").componentRef().raw()).isEqualTo("file:../components/train.yml");
    assertThat(job.jobs().get("score").componentRef().raw()).isEqualTo("./../components/score.yml");
    assertThat(job.jobs().get("train").kind()).isEqualTo(StepKind.COMMAND); // from the component
    Component.Command prepC = (Component.Command) prep.component();
    assertThat(prepC.meta().id()).isEqualTo("prep_data:1");
    assertThat(prepC.meta().tags()).containsEntry("stage", "prep");
    assertThat(prepC.isDeterministic()).isTrue();
    assertThat(prepC.additionalIncludes()).singleElement().isInstanceOf(Reference.LocalPath.class);
    PortSpec rate = prepC.inputs().get("sample_rate");
    assertThat(rate.type()).isEqualTo(IoType.NUMBER);
    assertThat(rate.defaultValue()).isEqualTo(0.5);
    assertThat(rate.min()).isEqualTo(0.0);
    assertThat(rate.max()).isEqualTo(1.0);
    assertThat(prepC.inputs().get("max_rows").optional()).isTrue();
    assertThat(prepC.inputs().get("split").enumValues()).containsExactly("train", "test", "all");
    assertThat(prepC.inputs().get("raw_data").description()).isEqualTo("raw input");
    // The optional fragment holds the optional input.
    assertThat(prepC.command().parts()).filteredOn(Template.Optional.class::isInstance).singleElement()
        .satisfies(o -> assertThat(((Template.Optional) o).parts()).filteredOn(Template.Ref.class::isInstance)
            .singleElement().extracting(r -> ((Template.Ref) r).binding().text()).isEqualTo("inputs.max_rows"));
    Component.Command train = (Component.Command) job.jobs().get("train").component();
    assertThat(((Reference.LocalPath) train.code()).path()).isRegularFile(); // a single file as code
    assertThat(train.resources().instanceCount()).isEqualTo(2);
    assertThat(train.environmentVariables()).containsEntry("NCCL_DEBUG", "INFO");
    assertThat(((Component.Command) job.jobs().get("score").component()).isDeterministic()).isFalse();
  }

  @Test
  void componentsByPathPlan() {
    Plan p = Corpus.plan("good/pipelines/components.yml");
    assertThat(stepNames(p)).containsExactly("prep", "train", "score");
    PlannedStep prep = p.step("prep");
    assertThat(prep.inputs()).containsEntry("split", new ResolvedInput.Value("all", IoType.STRING))
        .containsEntry("sample_rate", new ResolvedInput.Value(0.5, IoType.NUMBER))
        .containsEntry("max_rows", new ResolvedInput.Absent(IoType.INTEGER));
    PlannedStep train = p.step("train");
    // The mapping form {type, path: ${{...}}, mode} keeps the step's mode.
    assertThat(train.inputs().get("training_data"))
        .isEqualTo(new ResolvedInput.StepOutput("prep", "prep_data", IoType.URI_FOLDER, "ro_mount"));
    assertThat(train.inputs()).containsEntry("max_epochs", new ResolvedInput.Value(10L, IoType.INTEGER))
        .containsEntry("early_stop", new ResolvedInput.Value(true, IoType.BOOLEAN))
        .containsEntry("learning_rate", new ResolvedInput.Value(0.001, IoType.NUMBER));
    assertThat(train.outputs().get("model_output")).satisfies(o -> {
      assertThat(o.type()).isEqualTo(IoType.MLFLOW_MODEL);
      assertThat(o.assetName()).isEqualTo("corpus-model");
      assertThat(o.assetVersion()).isEqualTo("7");
    });
    assertThat(train.resources().instanceCount()).isEqualTo(2);
    assertThat(p.step("score").dependsOn()).containsExactly("train", "prep");
    assertThat(p.step("score").deterministic()).isFalse();
    assertThat(p.step("score").inputs().get("test_data"))
        .isEqualTo(new ResolvedInput.StepOutput("prep", "prep_data", IoType.URI_FOLDER));
    // Both warnings point at the steps; train's component asks for two instances.
    assertThat(p.diagnostics()).extracting(Diagnostic::message).containsExactly(
        "distribution 'pytorch' is Azure-only: the step runs as one process per instance",
        "distribution 'mpi' is Azure-only: the step runs as one process");
  }

  @Test
  void everyBindingForm() {
    PipelineJob job = Corpus.job(BINDINGS);
    Step produce = job.jobs().get("produce");
    Template cmd = ((Component.Command) produce.component()).command();
    assertThat(cmd.raw()).isEqualTo("echo ${{inputs.prefix}} ${{ inputs.raw }} > ${{outputs.out}}/${{name}}.txt"
        + " $[[ && echo extra ${{inputs.extra}} ]]");
    assertThat(cmd.refs()).extracting(r -> r.binding().scope()).containsExactly(Binding.Scope.INPUTS,
        Binding.Scope.INPUTS, Binding.Scope.OUTPUTS, Binding.Scope.RUN_NAME, Binding.Scope.INPUTS);
    // Whitespace inside ${{ }} is allowed, and the binding is located where it is written.
    Template.Ref raw = cmd.refs().get(1);
    assertThat(raw.binding().text()).isEqualTo("inputs.raw");
    assertThat(raw.at().line()).isEqualTo(18);
    assertThat(raw.at().column()).isEqualTo(31);
    assertThat(cmd.parts().get(cmd.parts().size() - 1)).isInstanceOf(Template.Optional.class);
    assertThat(produce.inputs().get("prefix")).isInstanceOfSatisfying(InputValue.Bound.class,
        b -> assertThat(b.template().refs()).extracting(r -> r.binding().scope())
            .containsExactly(Binding.Scope.PARENT_INPUTS, Binding.Scope.RUN_NAME));
    Reference out = produce.outputs().get("out").path();
    assertThat(out).isInstanceOfSatisfying(Reference.Bound.class, b -> {
      assertThat(b.template().refs()).extracting(r -> r.binding().scope())
          .containsExactly(Binding.Scope.DEFAULT_DATASTORE, Binding.Scope.RUN_NAME);
      assertThat(b.template().refs().get(0).at()).extracting(s -> s.line(), s -> s.column()).containsExactly(32, 36);
    });
    Template consume = ((Component.Command) job.jobs().get("consume").component()).command();
    assertThat(consume.raw()).isEqualTo("cat ${{inputs.data}}/*.txt\necho done > ${{outputs.copy}}/done.txt\n");
    assertThat(consume.refs().get(1).at()).extracting(s -> s.line(), s -> s.column()).containsExactly(36, 19);
  }

  @Test
  void everyBindingFormPlans() {
    Plan p = Corpus.plan(BINDINGS);
    assertThat(p.diagnostics()).as(lines(p.diagnostics())).isEmpty();
    assertThat(stepNames(p)).containsExactly("produce", "consume");
    PlannedStep produce = p.step("produce");
    assertThat(produce.compute()).isEqualTo("azureml:cpu-cluster");
    assertThat(produce.inputs()).containsEntry("prefix", new ResolvedInput.Value("run-${{name}}", IoType.STRING))
        .containsEntry("extra", new ResolvedInput.Absent(null));
    assertThat(produce.outputs().get("out").path().raw())
        .isEqualTo("azureml://datastores/${{default_datastore}}/paths/corpus/${{name}}/");
    assertThat(p.step("consume").inputs().get("data"))
        .isEqualTo(new ResolvedInput.StepOutput("produce", "out", IoType.URI_FOLDER));
    assertThat(p.outputs()).containsExactly(Map.entry("published", "consume.copy"));
    assertThat(p.step("consume").outputs().get("copy").promotedTo()).isEqualTo("published");
  }

  @Test
  void looseScalars() throws Exception {
    PipelineJob job = Corpus.job("good/pipelines/loose-scalars.yml");
    Map<String, PortSpec> in = job.inputs();
    assertThat(in.get("int_input").defaultValue()).isEqualTo(3L);
    assertThat(in.get("int_input").type()).isEqualTo(IoType.INTEGER);
    assertThat(in.get("int_input").typeDeclared()).isFalse();
    assertThat(in.get("float_input").defaultValue()).isEqualTo(0.5);
    assertThat(in.get("true_input").defaultValue()).isEqualTo(true);
    assertThat(in.get("false_input").defaultValue()).isEqualTo(false);
    assertThat(in.get("false_input").type()).isEqualTo(IoType.BOOLEAN);
    assertThat(in.get("quoted_number").defaultValue()).isEqualTo("10");
    assertThat(in.get("quoted_number").type()).isEqualTo(IoType.STRING);
    assertThat(in.get("size").defaultValue()).isEqualTo("10kb");
    assertThat(in.get("plain_size").defaultValue()).isEqualTo("10kb");
    assertThat(in.get("word").defaultValue()).isEqualTo("hello");
    Step step = job.jobs().get("step");
    // Folded ">" keeps its final newline; ">-" (elsewhere) strips it.
    assertThat(((Component.Command) step.component()).command().raw())
        .isEqualTo("echo ${{inputs.a}} ${{inputs.b}} ${{inputs.c}} ${{inputs.d}}\n");
    assertThat(step.inputs().get("c")).isInstanceOfSatisfying(InputValue.Literal.class, l -> {
      assertThat(l.value()).isEqualTo(7L);
      assertThat(l.type()).isEqualTo(IoType.INTEGER);
    });
    assertThat(step.inputs().get("d")).isInstanceOfSatisfying(InputValue.Literal.class,
        l -> assertThat(l.value()).isEqualTo(false));
    Plan p = Corpus.plan("good/pipelines/loose-scalars.yml");
    assertThat(p.step("step").inputs()).containsExactly(
        Map.entry("a", new ResolvedInput.Value(3L, IoType.INTEGER)),
        Map.entry("b", new ResolvedInput.Value(true, IoType.BOOLEAN)),
        Map.entry("c", new ResolvedInput.Value(7L, IoType.INTEGER)),
        Map.entry("d", new ResolvedInput.Value(false, IoType.BOOLEAN)));
  }

  @Test
  void noFinalNewline() throws Exception {
    String rel = "good/pipelines/no-final-newline.yml";
    assertThat(Files.readString(Corpus.file(rel))).endsWith("azureml:env@latest");
    PipelineJob job = Corpus.job(rel);
    assertThat(((Component.Command) job.jobs().get("last").component()).command().raw())
        .isEqualTo("echo \"no newline at the end\"");
    assertThat(((Component.Command) job.jobs().get("last").component()).environment().reference())
        .isEqualTo(new Reference.Registered("azureml:env@latest", "env", null, "latest"));
    assertThat(Corpus.validate(rel).diagnostics()).isEmpty();
  }

  @Test
  void stepWithoutComputeOrSettingsRunsLocallyWithoutANote() {
    Plan p = Corpus.plan("good/pipelines/no-final-newline.yml");
    assertThat(p.step("last").compute()).isNull();
    assertThat(p.step("last").target()).isEqualTo("local");
    assertThat(p.notes()).isEmpty();
    assertThat(List.copyOf(p.inputs().keySet())).isEmpty();
  }

  @Test
  void everyAssetTypeAndModeIsRecorded() {
    Plan p = Corpus.plan("good/pipelines/modes.yml");
    assertThat(p.diagnostics()).isEmpty();
    Map<String, ResolvedInput> in = p.step("consume").inputs();
    assertThat(in.values()).allSatisfy(v -> assertThat(v).isInstanceOf(ResolvedInput.Asset.class));
    assertThat(in).extractingFromEntries(e -> e.getKey() + ":" + e.getValue().type() + ":"
        + ((ResolvedInput.Asset) e.getValue()).mode()).containsExactly(
        "table:mltable:eval_download", "triton:triton_model:mount", "legacy:path:direct",
        "one_file:uri_file:download", "mlflow:mlflow_model:eval_mount", "custom:custom_model:ro_mount");
    assertThat(p.step("consume").outputs()).extractingFromEntries(e -> e.getKey() + ":" + e.getValue().type() + ":"
        + e.getValue().mode()).containsExactly("a:uri_file:rw_mount", "b:uri_folder:upload", "c:mltable:direct",
        "d:custom_model:mount");
  }

  @Test
  void sparkStepsByComponentAndInline() {
    PipelineJob job = Corpus.job("good/pipelines/spark.yml");
    Step inline = job.jobs().get("inline_count");
    assertThat(inline.kind()).isEqualTo(StepKind.SPARK);
    Component.Spark spark = (Component.Spark) inline.component();
    assertThat(spark.entryFile()).isEqualTo("wordcount.py");
    assertThat(spark.conf()).containsEntry("spark.driver.cores", "2").containsEntry("spark.executor.instances", "3");
    assertThat(spark.args().refs()).extracting(r -> r.binding().scope())
        .containsExactly(Binding.Scope.INPUTS, Binding.Scope.OUTPUTS);
    assertThat(inline.resources().instanceType()).isEqualTo("standard_e4s_v3");
    Plan p = Corpus.plan("good/pipelines/spark.yml");
    assertThat(p.diagnostics()).isEmpty();
    assertThat(stepNames(p)).containsExactly("count", "inline_count");
    assertThat(p.step("count").inputs().get("text")).isInstanceOfSatisfying(ResolvedInput.Asset.class,
        a -> assertThat(a.mode()).isEqualTo("direct"));
    assertThat(p.step("inline_count").inputs().get("counts"))
        .isEqualTo(new ResolvedInput.StepOutput("count", "counts", IoType.URI_FOLDER));
    assertThat(p.step("inline_count").outputs().get("summary").mode()).isEqualTo("direct");
  }

  @Test
  void implicitArtifactsOutput() {
    Plan p = Corpus.plan("good/pipelines/implicit-artifacts.yml");
    assertThat(p.diagnostics()).isEmpty();
    assertThat(stepNames(p)).containsExactly("train", "report");
    assertThat(p.step("train").outputs()).containsOnlyKeys("artifacts");
    assertThat(p.step("train").outputs().get("artifacts").type()).isEqualTo(IoType.URI_FOLDER);
    assertThat(p.step("report").inputs().get("logs"))
        .isEqualTo(new ResolvedInput.StepOutput("train", "artifacts", IoType.URI_FOLDER));
    assertThat(p.step("report").outputs()).isEmpty(); // nobody binds report's artifacts
  }

  @Test
  void windowsLineEndsAndAByteOrderMark() throws Exception {
    assertThat(Files.readString(Corpus.file("good/pipelines/crlf.yml"))).contains("\r\n");
    Template crlf = ((Component.Command) Corpus.job("good/pipelines/crlf.yml").jobs().get("a").component()).command();
    assertThat(crlf.raw()).isEqualTo("echo ${{inputs.x}} --and ${{inputs.x}}");
    assertThat(crlf.refs()).extracting(r -> r.at().line() + ":" + r.at().column()).containsExactly("6:12", "7:13");
    assertThat(Corpus.plan("good/pipelines/crlf.yml").step("a").inputs().get("x"))
        .isEqualTo(new ResolvedInput.Value("windows line ends", IoType.STRING));
    assertThat(Files.readAllBytes(Corpus.file("good/pipelines/bom.yml"))[0]).isEqualTo((byte) 0xEF);
    PipelineJob bom = Corpus.job("good/pipelines/bom.yml");
    assertThat(((Component.Command) bom.jobs().get("a").component()).command().refs().get(0).at())
        .extracting(s -> s.line(), s -> s.column()).containsExactly(5, 19);
  }
}
