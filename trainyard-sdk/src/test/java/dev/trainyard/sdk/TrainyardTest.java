package dev.trainyard.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainyardTest {
  @TempDir Path dir;

  @Test
  void writesOneJsonLinePerCall() throws Exception {
    Path f = dir.resolve("m.jsonl");
    Trainyard t = Trainyard.of(Map.of("TRAINYARD_METRICS", f.toString()));
    t.metric("loss", 0.25, 3);
    t.param("optimizer", "adam \"w\"\n");
    var lines = Files.readAllLines(f);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("{\"metric\": \"loss\", \"value\": 0.25, \"step\": 3, \"timestamp\": ");
    assertThat(lines.get(1)).isEqualTo("{\"param\": \"optimizer\", \"value\": \"adam \\\"w\\\"\\n\"}");
  }

  @Test
  void outsideARunLoggingDoesNothing() {
    Trainyard t = Trainyard.of(Map.of());
    t.metric("loss", 1, 0);
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void nonFiniteMetricsAreRefused() {
    Trainyard t = Trainyard.of(Map.of("TRAINYARD_METRICS", dir.resolve("m").toString()));
    assertThatThrownBy(() -> t.metric("loss", Double.NaN, 0)).hasMessageContaining("finite");
  }
}
