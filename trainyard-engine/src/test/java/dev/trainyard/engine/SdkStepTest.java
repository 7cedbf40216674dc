package dev.trainyard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.sdk.Trainyard;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Java step that logs through the SDK, run for real as a separate JVM (single-file source launch). */
class SdkStepTest {
  @TempDir Path dir;

  @Test
  void javaStepLogsMetricsAndParamsThroughTheSdk() throws Exception {
    Path sdk = Path.of(Trainyard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/Train.java"), """
        import dev.trainyard.sdk.Trainyard;
        public class Train {
          public static void main(String[] a) throws Exception {
            Trainyard.logParam("epochs", 2);
            for (int e = 1; e <= 2; e++) {
              Trainyard.logMetric("loss", 1.0 / e, e);
            }
            java.nio.file.Files.writeString(java.nio.file.Path.of(a[0], "seed"), Long.toString(Trainyard.seed(-1)));
          }
        }
        """);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (EngineFixture fx = new EngineFixture(dir)) {
      Path p = fx.write("j.yml", """
          type: pipeline
          jobs:
            train:
              code: ./src
              command: JAVA -cp SDK Train.java ${{outputs.o}}
              outputs:
                o:
          """.replace("JAVA", java).replace("SDK", sdk.toString()));
      Engine.RunOutcome r = fx.run(p, new RunOptions(1, 5, false, 0, 10, null));
      assertThat(r.status()).isEqualTo("completed");
      assertThat(fx.step(r, "train").metrics()).containsEntry("loss", 0.5);
      assertThat(fx.ws.results().params(r.runId())).containsEntry("train.epochs", "2");
      assertThat(fx.read(fx.step(r, "train"), "o", "seed")).isEqualTo(Long.toString(Seeds.forStep(5, "train")));
    }
  }
}
