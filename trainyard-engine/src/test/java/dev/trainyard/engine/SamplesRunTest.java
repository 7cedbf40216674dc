package dev.trainyard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.store.AttemptRecord;
import dev.trainyard.store.StepRunRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The four hello pipelines from the Azure ML examples, unchanged, run locally: right outputs, then full reuse. */
class SamplesRunTest {
  @TempDir Path dir;

  private static final Map<String, Map<String, String>> EXPECTED_LOGS = Map.of(
      "hello-pipeline", Map.of("hello_job", "hello\n", "world_job", "world\n"),
      "hello-pipeline-io", Map.of("hello_job", "hello\n", "world_job", "world\n"),
      "hello-pipeline-settings", Map.of("hello_job", "202204190\nhello\n", "world_job", "202204190\nhello\n"),
      "hello-pipeline-abc", Map.of("a", "hello hello world\n", "b", ""));

  @ParameterizedTest
  @ValueSource(strings = {"hello-pipeline", "hello-pipeline-io", "hello-pipeline-settings", "hello-pipeline-abc"})
  void sampleRunsWithTheRightOutputAndThenReusesEveryStep(String name) throws Exception {
    Path file = dir.resolve(name + ".yml");
    try (var in = getClass().getResourceAsStream("/samples/" + name + ".yml")) {
      Files.copy(in, file);
    }
    try (EngineFixture fx = new EngineFixture(dir)) {
      Engine.RunOutcome first = fx.run(file, EngineFixture.opts());
      assertThat(first.status()).isEqualTo("completed");
      Map<String, String> logs = new HashMap<>();
      for (StepRunRecord s : fx.ws.runs().steps(first.runId())) {
        AttemptRecord a = fx.ws.runs().attempts(s.id()).get(0);
        logs.put(s.name(), new String(fx.ws.objects().readBytes(a.logSha256()), StandardCharsets.UTF_8));
      }
      Map<String, String> expected = EXPECTED_LOGS.get(name);
      expected.forEach((step, log) -> assertThat(sorted(logs.get(step))).as(step).isEqualTo(sorted(log)));
      if (name.equals("hello-pipeline-abc")) {
        assertThat(fx.read(fx.step(first, "b"), "world_output", "world.txt")).isEqualTo("world\n");
        assertThat(logs.get("c")).endsWith("/inputs/world_input/world.txt\n");
      }
      Engine.RunOutcome second = fx.run(file, EngineFixture.opts());
      assertThat(second.status()).isEqualTo("completed");
      assertThat(second.steps()).allSatisfy(s -> assertThat(s.reused()).as(s.name()).isTrue());
    }
  }

  /** `echo x & echo y` runs the first echo in the background: its line may come second. */
  private static String sorted(String log) {
    return log.lines().sorted().reduce("", (a, b) -> a + b + "\n");
  }
}
