package dev.trainyard.spec.corpus;

import static dev.trainyard.spec.corpus.Corpus.stepNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.Component;
import dev.trainyard.spec.IoType;
import dev.trainyard.spec.MiniBatchSize;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.StepKind;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.ResolvedInput;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code type: parallel} inline in pipelines and as a component file, with every key. */
class ParallelStepsTest {
  private static final String FILE = "good/pipelines/parallel.yml";

  @Test
  void inlineParallelStepWithEveryKey() {
    PipelineJob job = Corpus.job(FILE);
    assertThat(job.jobs().get("batch_files").kind()).isEqualTo(StepKind.PARALLEL);
    Component.Parallel p = (Component.Parallel) job.jobs().get("batch_files").component();
    assertThat(p.inputData().soleBinding()).extracting(Binding::scope, Binding::port)
        .containsExactly(Binding.Scope.INPUTS, "data");
    assertThat(p.miniBatchSize()).isEqualTo(new MiniBatchSize("10", 10, 0));
    assertThat(p.maxConcurrencyPerInstance()).isEqualTo(2);
    assertThat(p.miniBatchErrorThreshold()).isEqualTo(5);
    assertThat(p.errorThreshold()).isEqualTo(-1);
    assertThat(p.maxRetries()).isEqualTo(2);
    assertThat(p.retryTimeoutSeconds()).isEqualTo(60L);
    assertThat(p.loggingLevel()).isEqualTo("DEBUG");
    assertThat(p.partitionKeys()).isEmpty();
    assertThat(p.resources().instanceCount()).isEqualTo(2);
    assertThat(p.environmentVariables()).containsExactly(Map.entry("AZUREML_PARALLEL_EXAMPLE", "1"));
    Component.ParallelTask task = p.task();
    assertThat(task.type()).isEqualTo("run_function");
    assertThat(task.entryScript()).isEqualTo("score_batch.py");
    assertThat(((Reference.LocalPath) task.code()).path().resolve("score_batch.py")).isRegularFile();
    assertThat(task.environment().image()).isEqualTo("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04");
    assertThat(task.programArguments().raw()).isEqualTo("--threshold ${{inputs.threshold}} --allowed_failed_percent 30");
    assertThat(task.appendRowTo().soleBinding()).extracting(Binding::scope, Binding::port)
        .containsExactly(Binding.Scope.OUTPUTS, "results");
  }

  @Test
  void defaultsAndASizeWithAUnit() {
    Component.Parallel p = (Component.Parallel) Corpus.job(FILE).jobs().get("batch_table").component();
    assertThat(p.miniBatchSize().bySize()).isTrue();
    assertThat(p.miniBatchSize().bytes()).isEqualTo(1L << 20);
    assertThat(p.miniBatchSize().raw()).isEqualTo("1mb");
    assertThat(p.partitionKeys()).containsExactly("region");
    assertThat(p.maxConcurrencyPerInstance()).isEqualTo(1);
    assertThat(p.errorThreshold()).isEqualTo(-1);
    assertThat(p.miniBatchErrorThreshold()).isEqualTo(-1);
    assertThat(p.maxRetries()).isEqualTo(3);
    assertThat(p.retryTimeoutSeconds()).isNull();
    assertThat(p.loggingLevel()).isEqualTo("INFO");
    assertThat(p.task().environment().reference()).isInstanceOf(Reference.Registered.class);
    assertThat(p.task().programArguments()).isNull();
  }

  @Test
  void parallelComponentFile() {
    Component.Parallel p = Corpus.document("good/components/batch-score.yml", Component.Parallel.class);
    assertThat(p.meta().id()).isEqualTo("batch_score:1");
    assertThat(p.miniBatchSize()).isEqualTo(new MiniBatchSize("10kb", 0, 10 * 1024));
    assertThat(p.partitionKeys()).containsExactly("store", "region");
    assertThat(p.maxConcurrencyPerInstance()).isEqualTo(4);
    assertThat(p.task().environment().reference())
        .isEqualTo(new Reference.Registered("azureml:AzureML-sklearn-1.0-ubuntu20.04-py38-cpu:33",
            "AzureML-sklearn-1.0-ubuntu20.04-py38-cpu", "33", null));
    assertThat(p.inputs().get("data").type()).isEqualTo(IoType.MLTABLE);
  }

  @Test
  void plansAllThreeParallelSteps() {
    Plan p = Corpus.plan(FILE);
    assertThat(p.diagnostics()).isEmpty();
    assertThat(stepNames(p)).containsExactly("batch_files", "batch_table", "batch_component");
    assertThat(p.steps()).allSatisfy(s -> assertThat(s.kind()).isEqualTo(StepKind.PARALLEL));
    // The step's eval_mount wins over the pipeline input's (unset) mode.
    assertThat(p.step("batch_files").inputs().get("data")).isInstanceOfSatisfying(ResolvedInput.Asset.class, a -> {
      assertThat(a.mode()).isEqualTo("eval_mount");
      assertThat(a.type()).isEqualTo(IoType.URI_FOLDER);
    });
    assertThat(p.step("batch_files").inputs().get("threshold")).isEqualTo(new ResolvedInput.Value(0.7, IoType.NUMBER));
    assertThat(p.step("batch_files").outputs().get("results").mode()).isEqualTo("rw_mount");
    assertThat(p.step("batch_files").outputs().get("results").type()).isEqualTo(IoType.URI_FILE);
    assertThat(p.step("batch_files").resources().instanceCount()).isEqualTo(2);
    assertThat(p.step("batch_files").environmentVariables()).containsEntry("AZUREML_PARALLEL_EXAMPLE", "1");
    assertThat(p.step("batch_table").inputs().get("sales")).isInstanceOfSatisfying(ResolvedInput.Asset.class,
        a -> assertThat(a.reference()).isInstanceOf(Reference.Datastore.class));
    assertThat(p.step("batch_component").inputs().get("model")).isInstanceOfSatisfying(ResolvedInput.Asset.class,
        a -> assertThat(a.type()).isEqualTo(IoType.CUSTOM_MODEL));
    assertThat(p.step("batch_component").resources().instanceCount()).isEqualTo(2);
    assertThat(p.step("batch_component").outputs().get("scores").type()).isEqualTo(IoType.URI_FILE);
  }
}
