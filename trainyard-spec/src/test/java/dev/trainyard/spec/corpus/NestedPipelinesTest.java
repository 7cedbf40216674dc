package dev.trainyard.spec.corpus;

import static dev.trainyard.spec.corpus.Corpus.stepNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.IoType;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.StepKind;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.PlannedStep;
import dev.trainyard.spec.plan.ResolvedInput;
import dev.trainyard.spec.plan.Validator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pipeline components: nested two deep, and a pipeline job that is a component. */
class NestedPipelinesTest {

  @Test
  void nestedStepsAreFlattenedWithDottedNames() {
    PipelineJob job = Corpus.job("good/pipelines/nested.yml");
    assertThat(job.jobs().get("outer").kind()).isEqualTo(StepKind.PIPELINE);
    Component.Pipeline outer = (Component.Pipeline) job.jobs().get("outer").component();
    assertThat(outer.jobs()).containsOnlyKeys("inner", "evaluate");
    assertThat(outer.jobs().get("inner").component()).isInstanceOf(Component.Pipeline.class);

    Plan p = Corpus.plan("good/pipelines/nested.yml");
    assertThat(stepNames(p)).containsExactly("outer.inner.prep", "outer.inner.train", "outer.evaluate", "publish");
    PlannedStep prep = p.step("outer.inner.prep");
    assertThat(prep.inputs().get("raw_data")).isEqualTo(p.inputs().get("data"));
    PlannedStep train = p.step("outer.inner.train");
    assertThat(train.dependsOn()).containsExactly("outer.inner.prep");
    // 20 flows from the job through outer's and inner's inputs.
    assertThat(train.inputs().get("max_epochs")).isEqualTo(new ResolvedInput.Value(20L, IoType.INTEGER));
    assertThat(train.inputs().get("training_data"))
        .isEqualTo(new ResolvedInput.StepOutput("outer.inner.prep", "prep_data", IoType.URI_FOLDER));
    assertThat(p.step("outer.evaluate").inputs().get("model"))
        .isEqualTo(new ResolvedInput.StepOutput("outer.inner.train", "model_output", IoType.MLFLOW_MODEL));
    assertThat(p.step("publish").dependsOn()).containsExactly("outer.inner.train");
    // Outputs promoted through ${{parent.outputs.X}} at each level reach the job's outputs.
    assertThat(p.outputs()).containsExactly(Map.entry("best_model", "outer.inner.train.model_output"),
        Map.entry("report", "outer.evaluate.report"));
    assertThat(train.outputs().get("model_output").promotedTo()).isEqualTo("best_model");
    assertThat(p.step("outer.evaluate").outputs().get("report").promotedTo()).isEqualTo("report");
    assertThat(prep.outputs().get("prep_data").promotedTo()).isNull();
    assertThat(p.steps()).allSatisfy(s -> assertThat(s.compute()).isEqualTo("azureml:cpu-cluster"));
  }

  @Test
  void pipelineComponentsValidateOnTheirOwn() {
    for (String rel : new String[] {"good/components/inner-pipeline.yml", "good/components/outer-pipeline.yml"}) {
      Validator.Report r = Corpus.validate(rel);
      assertThat(r.kind()).isEqualTo("pipeline component");
      assertThat(r.valid()).isTrue();
      assertThat(r.diagnostics()).allSatisfy(d -> assertThat(d.message()).startsWith("distribution '"));
    }
  }

  @Test
  void pipelineJobWithComponentInsteadOfJobs() {
    PipelineJob job = Corpus.job("good/pipelines/component-job.yml");
    assertThat(job.experimentName()).isEqualTo("corpus-component-job");
    assertThat(job.jobs()).containsOnlyKeys("prep", "train");
    // The job's values take the component's declared types.
    assertThat(job.inputs().get("epochs").type()).isEqualTo(IoType.INTEGER);
    assertThat(job.inputs().get("epochs").typeDeclared()).isTrue();
    assertThat(job.inputs().get("epochs").defaultValue()).isEqualTo(4L);
    assertThat(job.outputs().get("trained_model").mode()).isEqualTo("upload");
    Plan p = Corpus.plan("good/pipelines/component-job.yml");
    assertThat(stepNames(p)).containsExactly("prep", "train");
    assertThat(p.step("train").inputs().get("max_epochs")).isEqualTo(new ResolvedInput.Value(4L, IoType.INTEGER));
    assertThat(p.step("prep").inputs().get("raw_data")).isInstanceOf(ResolvedInput.Asset.class);
    assertThat(p.outputs()).containsExactly(Map.entry("trained_model", "train.model_output"));
    assertThat(p.step("train").outputs().get("model_output").promotedTo()).isEqualTo("trained_model");
  }

  @Test
  void findingsInsideAComponentNameItsFileAndAPathInIt() {
    Plan p = Corpus.plan("good/pipelines/nested.yml");
    assertThat(p.diagnostics()).containsExactly(
        new Diagnostic(Diagnostic.Severity.WARNING, Corpus.shown("good/components/inner-pipeline.yml"), 21, 3,
            "jobs.train.distribution", "distribution 'pytorch' is Azure-only: the step runs as one process per instance",
            null),
        new Diagnostic(Diagnostic.Severity.WARNING, Corpus.shown("good/components/outer-pipeline.yml"), 25, 3,
            "jobs.evaluate.distribution", "distribution 'mpi' is Azure-only: the step runs as one process", null));
  }
}
