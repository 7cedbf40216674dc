package dev.trainyard.spec.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.spec.plan.Validator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files of the examples collection that are not Trainyard specs get a message naming what they are. */
class ForeignFilesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "$schema: https://azuremlschemas.azureedge.net/promptflow/latest/Flow.schema.json\\ninputs:\\n  url:\\n    type: string\\nnodes: []\\noutputs: {}"
          + "| this is a prompt flow file",
      "$schema: https://azuremlschemas.azureedge.net/promptflow/latest/Run.schema.json\\nflow: ./web\\ncolumn_mapping: {}"
          + "| this is a prompt flow file",
      "name: env\\nchannels: [conda-forge]\\ndependencies: [python=3.10]| this is a conda environment file",
      "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\\nname: blue\\nendpoint_name: e"
          + "| this is an Azure ML deployment file",
      "$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json\\nname: ws| this is an Azure ML workspace file",
      "hello: world| cannot tell what this file is",
      "type: data_transfer\\ntask: copy_data\\ninputs: {}| data_transfer jobs and components (copying between Azure",
  })
  void foreignFileIsNamed(String yaml, String message) {
    SpecLoader.Result r = new SpecLoader().loadText(Path.of("f.yml"), yaml.replace("\\n", "\n"));
    List<Diagnostic> errors = new java.util.ArrayList<>(r.errors());
    if (r.document() != null) {
      errors.addAll(new Validator(new SpecLoader()).check(r.document()));
    }
    assertThat(errors).anySatisfy(d -> assertThat(d.message()).startsWith(message.strip()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "data_transfer| data_transfer steps (copying between Azure datastores and databases) are an Azure-only feature",
      "automl| automl steps are an Azure-only feature that Trainyard does not run",
  })
  void unsupportedStepKindsAreNamedInPipelines(String kind, String message) {
    String yaml = "type: pipeline\njobs:\n  s:\n    type: " + kind + "\n    task: copy_data\n";
    SpecLoader.Result r = new SpecLoader().loadText(Path.of("p.yml"), yaml);
    List<Diagnostic> all = new java.util.ArrayList<>(r.errors());
    if (r.document() != null) {
      all.addAll(new Validator(new SpecLoader()).check(r.document()));
    }
    assertThat(all).anySatisfy(d -> {
      assertThat(d.message()).startsWith(message.strip());
      assertThat(d.path()).isEqualTo("jobs.s");
    });
  }
}
