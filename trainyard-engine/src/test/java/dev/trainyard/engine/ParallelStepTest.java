package dev.trainyard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.store.BatchRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelStepTest {
  @TempDir Path dir;
  EngineFixture fx;

  @BeforeEach
  void open() throws Exception {
    fx = new EngineFixture(dir);
    Files.createDirectories(dir.resolve("data"));
    for (int i = 0; i < 10; i++) {
      Files.writeString(dir.resolve("data/f" + i + ".txt"), "x".repeat(i * 100 + 1));
    }
    Files.createDirectories(dir.resolve("src"));
    // Sleeps a varying time so mini-batches finish out of order; fails when told to.
    Files.writeString(dir.resolve("src/count.sh"), """
        out="$1"; shift
        sleep 0.$(( (TRAINYARD_MINI_BATCH_INDEX * 7) % 5 ))
        if [ -n "$FAIL_FIRST" ] && [ "$TRAINYARD_ATTEMPT" = 1 ] && [ $(( TRAINYARD_MINI_BATCH_INDEX % 4 )) = 1 ]; then
          echo "transient failure"; exit 1
        fi
        for f in "$@"; do
          case "${f##*/}" in *bad*) echo "cannot read $f"; exit 2;; esac  # the name: run ids may hold "bad"
          wc -c < "$f" > "$out/$(basename "$f").count"
          echo "$(basename "$f") $(wc -c < "$f")" >> "$TRAINYARD_ROWS"
        done
        """);
  }

  @AfterEach
  void close() throws Exception {
    fx.close();
  }

  private Path pipeline(String extra, String size) throws Exception {
    return fx.write("p.yml", """
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
              rows:
            input_data: ${{inputs.data}}
            mini_batch_size: SIZE
            resources:
              instance_count: 2
            max_concurrency_per_instance: 2
            EXTRA
            task:
              type: run_function
              code: ./src
              entry_script: count.sh
              program_arguments: ${{outputs.counts}}
              append_row_to: ${{outputs.rows}}
        """.replace("SIZE", size).replace("EXTRA", extra));
  }

  private String rows(Engine.RunOutcome r) throws Exception {
    return fx.read(fx.step(r, "count"), "rows", "parallel_run_step.txt");
  }

  @Test
  void miniBatchesRunInParallelAndRowsKeepMiniBatchOrder() throws Exception {
    Engine.RunOutcome r = fx.run(pipeline("logging_level: DEBUG", "3"), EngineFixture.opts());
    assertThat(r.status()).as(fx.step(r, "count").error()).isEqualTo("completed");
    assertThat(fx.ws.batches().list(fx.step(r, "count").stepRunId())).hasSize(4).allMatch(BatchRecord::succeeded);
    String expected = "f0.txt 1\nf1.txt 101\nf2.txt 201\nf3.txt 301\nf4.txt 401\nf5.txt 501\nf6.txt 601\n"
        + "f7.txt 701\nf8.txt 801\nf9.txt 901\n";
    assertThat(rows(r)).isEqualTo(expected);
    assertThat(fx.read(fx.step(r, "count"), "counts", "f7.txt.count")).isEqualTo("701\n");
    assertThat(fx.ws.objects().readTree(fx.step(r, "count").outputs().get("counts").sha256()).entries()).hasSize(10);
    assertThat(fx.step(r, "count").metrics()).containsEntry("mini_batches", 4.0);
  }

  @Test
  void miniBatchesBySizeGroupFilesUpToTheLimit() throws Exception {
    Engine.RunOutcome r = fx.run(pipeline("", "\"1kb\""), EngineFixture.opts());
    assertThat(r.status()).isEqualTo("completed");
    List<BatchRecord> batches = fx.ws.batches().list(fx.step(r, "count").stepRunId());
    // sizes 1, 101, ..., 901 bytes: packed greedily into batches of at most 1024 bytes
    assertThat(batches).extracting(BatchRecord::items).containsExactly(5, 1, 1, 1, 1, 1);
  }

  @Test
  void transientFailuresAreRetriedAndOutputsEqualACleanRun() throws Exception {
    Engine.RunOutcome clean = fx.run(pipeline("", "2"), EngineFixture.opts());
    Path flaky = fx.write("flaky.yml", Files.readString(dir.resolve("p.yml"))
        .replace("    task:", "    environment_variables:\n      FAIL_FIRST: \"1\"\n    retry_settings:\n"
            + "      max_retries: 2\n      timeout: 30\n    task:"));
    Engine.RunOutcome r = fx.run(flaky, new RunOptions(2, 0, true, 0, 10, null));
    assertThat(r.status()).isEqualTo("completed");
    assertThat(fx.ws.batches().list(fx.step(r, "count").stepRunId())).extracting(BatchRecord::attempts)
        .containsExactly(1, 2, 1, 1, 1);
    assertThat(fx.step(r, "count").outputs()).isEqualTo(fx.step(clean, "count").outputs());
  }

  @Test
  void failuresAboveTheThresholdFailTheStepNamingEachMiniBatch() throws Exception {
    Files.writeString(dir.resolve("data/f3-bad.txt"), "bad");
    Files.writeString(dir.resolve("data/f8-bad.txt"), "bad");
    Engine.RunOutcome r = fx.run(pipeline("mini_batch_error_threshold: 1\n    retry_settings:\n      max_retries: 0",
        "3"), EngineFixture.opts());
    assertThat(r.status()).isEqualTo("failed");
    String error = fx.step(r, "count").error();
    assertThat(error).startsWith("2 of 4 mini-batches failed (mini_batch_error_threshold 1)")
        .contains("mini-batch 1: exit code 2: cannot read").contains("f3-bad.txt")
        .contains("mini-batch 3: exit code 2").contains("f8-bad.txt");
  }

  @Test
  void errorThresholdMinusOneIgnoresFailures() throws Exception {
    Files.writeString(dir.resolve("data/f3-bad.txt"), "bad");
    Engine.RunOutcome r = fx.run(pipeline("error_threshold: -1\n    retry_settings:\n      max_retries: 0", "3"),
        EngineFixture.opts());
    assertThat(r.status()).isEqualTo("completed");
    assertThat(fx.step(r, "count").metrics()).containsEntry("mini_batches_failed", 1.0);
  }

  @Test
  void anEmptyInputFolderIsAClearError() throws Exception {
    try (var files = Files.list(dir.resolve("data"))) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Engine.RunOutcome r = fx.run(pipeline("", "3"), EngineFixture.opts());
    assertThat(r.status()).isEqualTo("failed");
    assertThat(fx.step(r, "count").error()).isEqualTo("input_data ${{inputs.data}} holds no files to process (the input 'data' is ./data)");
  }

  @Test
  void aSecondRunReusesTheWholeParallelStep() throws Exception {
    fx.run(pipeline("", "3"), EngineFixture.opts());
    Engine.RunOutcome again = fx.run(pipeline("", "3"), EngineFixture.opts());
    assertThat(fx.step(again, "count").reused()).isTrue();
  }
}
