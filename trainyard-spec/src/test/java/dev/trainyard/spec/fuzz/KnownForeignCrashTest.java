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
 * KNOWN BUGS, NOT YET FIXED, in code this suite does not own ({@code load/}, {@code plan/}): one
 * reproducer per {@link FuzzHarness#KNOWN_FOREIGN} entry, asserting that it still crashes the
 * validator the known way. When a fix lands this test fails on purpose: then delete the reproducer
 * and its KNOWN_FOREIGN entry, so that the fuzz tests stop tolerating that crash.
 */
class KnownForeignCrashTest {
  @TempDir Path dir;

  @Test
  void commandJobInputNotNamedLikeABindingCrashesDocumentReaderBind() throws Exception {
    assertStillCrashes(0, """
        $schema: https://azuremljobs.azureedge.net/latest/commandJob.schema.json
        command: python hello.py
        environment: azureml:env@latest
        inputs:
          penal&y:
            type: string
        """);
  }

  @Test
  void assetPathBoundToAMalformedReferenceCrashesInputResolver() throws Exception {
    for (String p : List.of("\"\"", "\"azureml:\"", "\"file:\"")) {
      assertStillCrashes(1, """
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

  /**
   * Not a fuzz finding but the same contract: components referring to components, 2,000 files deep,
   * overflow the stack through SpecLoader.load and componentFile, which have no depth limit. (Not
   * in KNOWN_FOREIGN: the fuzzers write one file at a time.) With a 1 MiB stack, 600 to 3,000 files
   * overflow, depending on JIT state; a 256 KiB stack makes 2,000 overflow every time.
   */
  @Test
  void twoThousandChainedComponentFilesOverflowTheStack() throws Exception {
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
    // Where the stack runs out decides the symptom: the StackOverflowError escapes, or it happens
    // inside YamlReader, which turns it into an "out of stack space" error for some file in the chain.
    assertThat(outcome[0]).as("fixed? delete this reproducer").satisfiesAnyOf(
        o -> assertThat(o).isInstanceOf(StackOverflowError.class),
        o -> assertThat(o.toString()).contains("out of stack space"));
  }

  private void assertStillCrashes(int known, String yaml) throws Exception {
    Path f = dir.resolve("known.yml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    Throwable thrown = null;
    try {
      new Validator(new SpecLoader()).validate(f);
    } catch (RuntimeException e) {
      thrown = e;
    }
    assertThat(thrown).as("fixed? delete this reproducer and FuzzHarness.KNOWN_FOREIGN[" + known + "]").isNotNull();
    assertThat(FuzzHarness.KNOWN_FOREIGN.get(known).matches(thrown)).as(thrown.toString()).isTrue();
  }
}
