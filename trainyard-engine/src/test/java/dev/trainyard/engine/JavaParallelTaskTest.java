package dev.trainyard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.engine.tasks.UpperTask;
import dev.trainyard.store.BatchRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code type: java} parallel tasks in worker JVMs that stay up across mini-batches. */
class JavaParallelTaskTest {
  @TempDir Path dir;
  EngineFixture fx;

  @BeforeEach
  void open() throws Exception {
    fx = new EngineFixture(dir);
    Files.createDirectories(dir.resolve("data"));
    for (int i = 0; i < 12; i++) {
      Files.writeString(dir.resolve("data/f" + (i < 10 ? "0" : "") + i), "item " + i + "\n");
    }
    // The task's compiled class, alone in a classes folder: what `task.code` points at.
    String rel = UpperTask.class.getName().replace('.', '/') + ".class";
    Path target = dir.resolve("classes").resolve(rel);
    Files.createDirectories(target.getParent());
    try (var in = UpperTask.class.getClassLoader().getResourceAsStream(rel)) {
      Files.copy(in, target);
    }
  }

  @AfterEach
  void close() throws Exception {
    fx.close();
  }

  private Path pipeline(String extra) throws Exception {
    return fx.write("j.yml", """
        type: pipeline
        jobs:
          upper:
            type: parallel
            inputs:
              data:
                type: uri_folder
                path: ./data
            outputs:
              out:
              rows:
            input_data: ${{inputs.data}}
            mini_batch_size: 2
            resources:
              instance_count: 2
            EXTRA
            task:
              type: java
              code: ./classes
              entry_script: dev.trainyard.engine.tasks.UpperTask
              program_arguments: --prefix '> ' --marks MARKS
              append_row_to: ${{outputs.rows}}
        """.replace("EXTRA", extra).replace("MARKS", dir.resolve("marks").toString()));
  }

  @Test
  void workersInitOnceAndServeManyMiniBatches() throws Exception {
    Engine.RunOutcome r = fx.run(pipeline(""), EngineFixture.opts());
    assertThat(r.status()).as(fx.step(r, "upper").error()).isEqualTo("completed");
    try (var marks = Files.list(dir.resolve("marks"))) {
      assertThat(marks.count()).as("one init per worker JVM, not per mini-batch").isEqualTo(2);
    }
    assertThat(fx.read(fx.step(r, "upper"), "out", "f07")).isEqualTo("> ITEM 7\n");
    String rows = fx.read(fx.step(r, "upper"), "rows", "parallel_run_step.txt");
    assertThat(rows.lines()).hasSize(12).first().isEqualTo("f00,ITEM 0");
    assertThat(rows.lines().toList().get(11)).isEqualTo("f11,ITEM 11");
    assertThat(fx.step(r, "upper").metrics()).containsKey("seen");
  }

  @Test
  void aThrowingMiniBatchFailsWithTheExceptionAndOthersGoOn() throws Exception {
    Files.writeString(dir.resolve("data/f05-boom"), "x");
    Engine.RunOutcome r = fx.run(pipeline("mini_batch_error_threshold: 0\n    retry_settings:\n      max_retries: 1"),
        EngineFixture.opts());
    assertThat(r.status()).isEqualTo("failed");
    assertThat(fx.step(r, "upper").error()).contains("1 of 7 mini-batches failed")
        .contains("IllegalStateException: cannot handle f05-boom");
    assertThat(fx.ws.batches().list(fx.step(r, "upper").stepRunId())).filteredOn(BatchRecord::succeeded).hasSize(6);
  }

  @Test
  void aHangingMiniBatchTimesOutAndItsWorkerIsReplaced() throws Exception {
    Files.writeString(dir.resolve("data/f03-hang"), "x");
    Engine.RunOutcome r = fx.run(pipeline("error_threshold: -1\n    retry_settings:\n      max_retries: 0\n"
        + "      timeout: 2"), EngineFixture.opts());
    assertThat(r.status()).isEqualTo("completed");
    assertThat(fx.ws.batches().list(fx.step(r, "upper").stepRunId())).filteredOn(b -> !b.succeeded())
        .singleElement().satisfies(b -> assertThat(b.error()).startsWith("timed out after 2 s"));
  }
}
