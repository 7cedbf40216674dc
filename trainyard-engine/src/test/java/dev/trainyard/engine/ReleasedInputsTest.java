package dev.trainyard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.store.StoredObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parallel step's large input files are private copies, staged per mini-batch and deleted once
 * the mini-batch succeeded (so gigabytes of copies are not written back to disk); the files of a
 * failed mini-batch stay for its retry, and the stored inputs are untouched.
 */
class ReleasedInputsTest {
  @TempDir Path dir;
  EngineFixture fx;

  @BeforeEach
  void open() throws Exception {
    fx = new EngineFixture(dir);
    Files.createDirectories(dir.resolve("src"));
    // Each mini-batch copies its file and notes whether the first mini-batch's copy still lies in
    // the staged folder; mini-batch 2 fails on its first attempt, and its retry needs its file.
    Files.writeString(dir.resolve("src/work.sh"), """
        out="$1"; shift
        for f in "$@"; do
          cp "$f" "$out/$(basename "$f")"
          if [ -e "$(dirname "$f")/big0" ]; then echo present; else echo gone; fi > "$out/$(basename "$f").first"
        done
        if [ "$TRAINYARD_MINI_BATCH_INDEX" = 2 ] && [ "$TRAINYARD_ATTEMPT" = 1 ]; then exit 3; fi
        """);
  }

  @AfterEach
  void close() throws Exception {
    fx.close();
  }

  @Test
  void aSucceededMiniBatchsCopiesAreDeletedAndRetriesKeepTheirFiles() throws Exception {
    Path p = fx.write("p.yml", """
        type: pipeline
        jobs:
          make:
            command: for i in 0 1 2; do head -c 1500000 /dev/urandom > ${{outputs.o}}/big$i; done
            outputs:
              o:
          use:
            type: parallel
            inputs:
              data: ${{parent.jobs.make.outputs.o}}
            outputs:
              out:
            input_data: ${{inputs.data}}
            mini_batch_size: 1
            resources:
              instance_count: 1
            max_concurrency_per_instance: 1
            retry_settings:
              max_retries: 1
            task:
              code: ./src
              entry_script: work.sh
              program_arguments: ${{outputs.out}}
        """);
    Engine.RunOutcome r = fx.run(p, EngineFixture.opts());
    assertThat(r.status()).isEqualTo("completed");
    StepOutcome use = fx.step(r, "use");
    assertThat(fx.read(use, "out", "big0.first")).isEqualTo("present\n");
    assertThat(fx.read(use, "out", "big1.first")).as("mini-batch 0 succeeded before 1 ran").isEqualTo("gone\n");
    assertThat(fx.read(use, "out", "big2.first")).isEqualTo("gone\n");
    StoredObject in = fx.step(r, "make").outputs().get("o");
    assertThat(fx.ws.objects().verify(in.sha256(), StoredObject.Kind.TREE)).isTrue();
    Path copies = dir.resolve("copies");
    fx.ws.objects().materializeTree(use.outputs().get("out").sha256(), copies);
    for (var e : fx.ws.objects().readTree(in.sha256()).entries()) {
      assertThat(copies.resolve(e.path())).as("the task read the stored bytes").hasBinaryContent(
          fx.ws.objects().readBytes(e.sha256()));
    }
  }
}
