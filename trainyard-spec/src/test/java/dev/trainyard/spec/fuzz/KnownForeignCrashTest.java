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
