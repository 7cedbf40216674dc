package dev.trainyard.spec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz targets. In a normal build they run in regression mode: once for each file under
 * {@code src/test/resources/dev/trainyard/spec/fuzz/SpecFuzzTestInputs/<method>/} (the seed
 * corpus; add crashing inputs there to keep them fixed). To fuzz, coverage-guided, with the
 * reader, loader, planner and SnakeYAML instrumented:
 *
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_INSTRUMENTATION_INCLUDES='dev.trainyard.spec.**:org.snakeyaml.**' \
 *     mvn -pl trainyard-spec test -Dtest='SpecFuzzTest#loader'
 * </pre>
 *
 * <p>Findings are written next to the seeds as {@code crash-*} files; the generated corpus goes to
 * {@code .cifuzz-corpus/} (ignored by git). Known crashes in code owned elsewhere are tolerated,
 * see {@link FuzzHarness#KNOWN_FOREIGN}.
 */
class SpecFuzzTest {

  /** Any bytes as a spec file: the loader and validator give diagnostics, never an exception. */
  @FuzzTest(maxDuration = "5m")
  void loader(byte[] data) {
    FuzzHarness.checkLoader(data);
  }

  /** Any string as a binding template: a template or a BindingSyntaxException, nothing else. */
  @FuzzTest(maxDuration = "5m")
  void binding(byte[] data) {
    FuzzHarness.checkBinding(new String(data, StandardCharsets.UTF_8));
  }
}
