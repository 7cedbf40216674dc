package dev.trainyard.spec.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.load.ReferenceParser;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.ResolvedInput;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every reference form of the dialect. */
class ReferencesTest {
  private static final String FILE = "good/pipelines/references.yml";
  private static final Path DIR = Corpus.file("good/pipelines").toAbsolutePath().normalize();

  @Test
  void formsInAPipeline() {
    PipelineJob job = Corpus.job(FILE);
    assertThat(job.inputs().get("relative").path()).isEqualTo(new Reference.LocalPath("./data/raw", DIR.resolve("data/raw")));
    assertThat(job.inputs().get("bare_relative").path())
        .isEqualTo(new Reference.LocalPath("data/raw/part-0.csv", DIR.resolve("data/raw/part-0.csv")));
    assertThat(job.inputs().get("file_prefixed").path())
        .isEqualTo(new Reference.LocalPath("file:./data/raw", DIR.resolve("data/raw")));
    assertThat(job.inputs().get("datastore").path()).isEqualTo(new Reference.Datastore(
        "azureml://datastores/workspaceblobstore/paths/corpus/raw/", "workspaceblobstore", "corpus/raw/"));
    assertThat(job.inputs().get("web").path()).isEqualTo(new Reference.Remote(
        "https://azuremlexamples.blob.core.windows.net/datasets/iris.csv", "https"));
    assertThat(job.inputs().get("blob").path()).isEqualTo(new Reference.Remote(
        "wasbs://datasets@azuremlexamples.blob.core.windows.net/titanic/", "wasbs"));
    assertThat(job.inputs().get("blob").mode()).isEqualTo("download");
    Plan p = Corpus.plan(FILE);
    assertThat(p.diagnostics()).isEmpty();
    assertThat(p.step("show").inputs()).hasSize(6).allSatisfy((k, v) -> assertThat(v).isInstanceOf(ResolvedInput.Asset.class));
    assertThat(p.step("show").inputs().get("d")).isEqualTo(p.inputs().get("datastore"));
  }

  @Test
  void registeredAndRegistryForms() {
    assertThat(ReferenceParser.parse("azureml:taxi:2", DIR)).isEqualTo(new Reference.Registered("azureml:taxi:2", "taxi", "2", null));
    assertThat(ReferenceParser.parse("azureml:taxi@champion", DIR))
        .isEqualTo(new Reference.Registered("azureml:taxi@champion", "taxi", null, "champion"));
    assertThat(ReferenceParser.parse("azureml:taxi", DIR)).isEqualTo(new Reference.Registered("azureml:taxi", "taxi", null, "latest"));
    assertThat(ReferenceParser.parse("azureml:cpu-cluster", DIR)).isInstanceOf(Reference.Registered.class);
    assertThat(ReferenceParser.parse("azureml://registries/azureml/components/train/versions/4", DIR))
        .isEqualTo(new Reference.RegistryUri("azureml://registries/azureml/components/train/versions/4", "azureml",
            "components", "train", "4", null));
    assertThat(ReferenceParser.parse("azureml://registries/azureml/environments/sklearn-1.5/labels/latest", DIR))
        .isEqualTo(new Reference.RegistryUri("azureml://registries/azureml/environments/sklearn-1.5/labels/latest",
            "azureml", "environments", "sklearn-1.5", null, "latest"));
    assertThat(ReferenceParser.parse("../x", DIR)).isEqualTo(new Reference.LocalPath("../x", DIR.resolveSibling("x")));
    assertThat(ReferenceParser.parse("file:///tmp/abs", DIR)).isEqualTo(new Reference.LocalPath("file:///tmp/abs", Path.of("/tmp/abs")));
    assertThat(ReferenceParser.parse("${{parent.inputs.dir}}/sub", DIR)).isInstanceOf(Reference.Bound.class);
    assertThatThrownBy(() -> ReferenceParser.parse("azureml:taxi:", DIR)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("malformed reference 'azureml:taxi:': expected azureml:NAME:VERSION or azureml:NAME@LABEL");
  }

  @Test
  void aStringInputUsedAsAPathIsRelativeToThePipelineFile() {
    Plan p = Corpus.plan("good/pipelines/bound-path.yml");
    assertThat(p.diagnostics()).isEmpty();
    assertThat(p.step("list").inputs().get("d")).isEqualTo(new ResolvedInput.Asset(
        new Reference.LocalPath("./data/raw", DIR.resolve("data/raw")), dev.trainyard.spec.IoType.URI_FOLDER, "download"));
  }
}
