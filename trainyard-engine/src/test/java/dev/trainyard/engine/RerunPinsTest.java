package dev.trainyard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trainyard.spec.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinned reruns through the engine: a parallel step's code and input folder come from the record. */
class RerunPinsTest {
  @TempDir Path dir;
  EngineFixture fx;
  Path pipeline;

  @BeforeEach
  void open() throws Exception {
    fx = new EngineFixture(dir);
    for (int i = 0; i < 4; i++) {
      fx.write("data/f" + i + ".txt", "x".repeat(i + 1));
    }
    fx.write("src/count.sh", """
        out="$1"; shift
        for f in "$@"; do wc -c < "$f" > "$out/$(basename "$f").count"; done
        """);
    pipeline = fx.write("p.yml", """
        type: pipeline
        inputs:
          data:
            type: uri_folder
            path: ./data
        jobs:
          count:
            type: parallel
            inputs:
              data: ${{parent.inputs.data}}
            outputs:
              counts:
            input_data: ${{inputs.data}}
            mini_batch_size: 2
            task:
              type: run_function
              code: ./src
              entry_script: count.sh
              program_arguments: ${{outputs.counts}}
          total:
            command: cat ${{inputs.c}}/*.count > ${{outputs.o}}/all.txt
            inputs:
              c: ${{parent.jobs.count.outputs.counts}}
            outputs:
              o:
        """);
  }

  @AfterEach
  void close() throws Exception {
    fx.close();
  }

  private static RunOptions forced() {
    return new RunOptions(2, 0, true, 0, 10, null);
  }

  @Test
  void pinnedRerunIgnoresEditedCodeAndDataAndReproducesEveryOutput() throws Exception {
    Engine.RunOutcome original = fx.run(pipeline, EngineFixture.opts());
    assertThat(original.status()).isEqualTo("completed");
    fx.write("src/count.sh", "out=\"$1\"; echo edited > \"$out/edited.txt\"\n");
    fx.write("data/f0.txt", "changed");
    fx.write("data/f9.txt", "new");

    Plan plan = fx.plan(pipeline, Map.of());
    RerunPins.Result pins = RerunPins.of(fx.ws, original.runId(), plan);
    assertThat(pins.notes()).isEmpty();
    assertThat(pins.pins().codeCount()).isEqualTo(1);
    assertThat(pins.pins().inputCount()).isEqualTo(1);
    Engine.RunOutcome rerun = fx.run(pipeline, forced().withPins(pins.pins()));
    Reproducibility.Report report = Reproducibility.compare(fx.ws, original.runId(), rerun);
    assertThat(report.reproduced()).as(report.toString()).isTrue();
    assertThat(rerun.steps()).noneMatch(StepOutcome::reused);

    // Unpinned, the same plan reads today's code and data: the edits are real and show up by file.
    Engine.RunOutcome today = fx.run(pipeline, forced());
    Reproducibility.Report drift = Reproducibility.compare(fx.ws, original.runId(), today);
    assertThat(drift.identical()).isFalse();
    Reproducibility.StepComparison count = drift.steps().get(0);
    assertThat(count.changedParts()).containsExactly("code", "input.data");
    assertThat(count.outputs().get(0).files()).extracting(Reproducibility.FileChange::change)
        .contains("added", "removed");
  }

  @Test
  void recordedCodeSnapshotMissingFromTheStoreIsRefusedBeforeAnythingRuns() throws Exception {
    Engine.RunOutcome original = fx.run(pipeline, EngineFixture.opts());
    String parts = fx.ws.runs().steps(original.runId()).get(0).keyParts();
    String code = FlatJson.read(parts).get("code");
    Files.delete(fx.ws.objects().pathOf(code));
    assertThatThrownBy(() -> RerunPins.of(fx.ws, original.runId(), fx.plan(pipeline, Map.of())))
        .isInstanceOf(RerunPins.MissingObjectException.class)
        .hasMessage("the code snapshot of step count (" + code + ") is no longer in the workspace's store");
  }
}
