package dev.trainyard.spec.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.spec.plan.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes the fuzzers once found in the loader and planner, now fixed: each input must give typed
 * findings, never an exception or error.
 */
class FormerCrashesTest {
  @TempDir Path dir;

  @Test
  void commandJobInputNotNamedLikeABindingIsAnError() throws Exception {
    assertFindings("is not a valid port name", """
        $schema: https://azuremljobs.azureedge.net/latest/commandJob.schema.json
        command: python hello.py
        environment: azureml:env@latest
        inputs:
          penal&y:
            type: string
        """);
  }

  @Test
  void assetPathBoundToAMalformedReferenceIsAnError() throws Exception {
    for (String p : List.of("\"\"", "\"azureml:\"", "\"file:\"")) {
      assertFindings("", """
          type: pipeline
          inputs:
            p: %s
          jobs:
            a:
              command: echo ${{inputs.d}}
              environment: azureml:e@1
              inputs:
                d:
                  type: uri_folder
                  path: ${{parent.inputs.p}}
          """.formatted(p));
    }
  }

  /** Components referring to components, 2,000 files deep, even on a small stack: a limit, not an overflow. */
  @Test
  void twoThousandChainedComponentFilesStopAtTheNestingLimit() throws Exception {
    int n = 2_000;
    for (int i = 0; i < n; i++) {
      String yaml = i + 1 < n ? """
          $schema: https://azuremlschemas.azureedge.net/latest/pipelineComponent.schema.json
          type: pipeline
          name: c%d
          version: 1
          jobs:
            s:
              component: ./c%d.yml
          """.formatted(i, i + 1) : """
          $schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json
          name: leaf
          version: 1
          type: command
          environment: azureml:e@1
          command: echo hi
          """;
      Files.writeString(dir.resolve("c" + i + ".yml"), yaml, StandardCharsets.UTF_8);
    }
    Object[] outcome = {null};
    Thread t = new Thread(null, () -> {
      try {
        outcome[0] = new Validator(new SpecLoader()).validate(dir.resolve("c0.yml")).diagnostics();
      } catch (Throwable e) {
        outcome[0] = e;
      }
    }, "small-stack", 256 << 10);
    t.start();
    t.join();
    assertThat(outcome[0]).isInstanceOf(List.class);
    assertThat(outcome[0].toString()).contains("components are nested more than 32 deep");
  }

  private void assertFindings(String message, String yaml) throws Exception {
    Path f = dir.resolve("known.yml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    Validator.Report r = new Validator(new SpecLoader()).validate(f);
    assertThat(r.valid()).isFalse();
    assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains(message));
  }
}
