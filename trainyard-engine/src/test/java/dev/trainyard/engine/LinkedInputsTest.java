package dev.trainyard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.store.BatchRecord;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.TreeManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parallel step's {@code input_data} staged per mini-batch as hard links to the stored objects:
 * a task that writes into them (as root would, ignoring the read-only bit) is caught, the store
 * is repaired, and the next step reading the same data gets the original bytes.
 */
class LinkedInputsTest {
  @TempDir Path dir;
  EngineFixture fx;

  @BeforeEach
  void open() throws Exception {
    fx = new EngineFixture(dir);
    Files.createDirectories(dir.resolve("src"));
    // Mini-batch 1 makes its input writable and overwrites it; WHICH picks which file it damages.
    Files.writeString(dir.resolve("src/work.sh"), """
        out="$1"; which="$2"; shift 2
        for f in "$@"; do
          cp "$f" "$out/$(basename "$f")"
          if [ "$TRAINYARD_MINI_BATCH_INDEX" = 1 ]; then
            case "$which" in
              own) chmod u+w "$f"; echo evil > "$f" ;;
              other) t="$(dirname "$f")/f0"; chmod u+w "$t"; echo evil >> "$t" ;;
            esac
          fi
        done
        """);
  }

  @AfterEach
  void close() throws Exception {
    fx.close();
  }

  private Path pipeline(String which) throws Exception {
    return fx.write("p.yml", """
        type: pipeline
        jobs:
          make:
            command: for i in 0 1 2 3; do echo "original $i" > ${{outputs.o}}/f$i; done
            outputs:
              o:
          vandal:
            type: parallel
            inputs:
              data: ${{parent.jobs.make.outputs.o}}
            outputs:
              out:
            input_data: ${{inputs.data}}
            mini_batch_size: 2
            error_threshold: -1
            retry_settings:
              max_retries: 2
            task:
              code: ./src
              entry_script: work.sh
              program_arguments: ${{outputs.out}} WHICH
          reader:
            command: cat ${{inputs.i}}/f0 ${{inputs.i}}/f2 > ${{outputs.copy}}/all.txt
            inputs:
              i: ${{parent.jobs.make.outputs.o}}
              after: ${{parent.jobs.vandal.outputs.out}}
            outputs:
              copy:
        """.replace("WHICH", which));
  }

  @Test
  void aMiniBatchWritingIntoItsLinkedInputIsCaughtAndTheStoreRepaired() throws Exception {
    Engine.RunOutcome r = fx.run(pipeline("own"), EngineFixture.opts());
    StepOutcome vandal = fx.step(r, "vandal");
    BatchRecord caught = fx.ws.batches().list(vandal.stepRunId()).get(1);
    assertThat(caught.succeeded()).isFalse();
    assertThat(caught.attempts()).as("not retried").isEqualTo(1);
    assertThat(caught.error()).contains("mini-batch 1 wrote into its input files (f2, f3)").contains("restored");
    assertThat(fx.read(fx.step(r, "reader"), "copy", "all.txt")).isEqualTo("original 0\noriginal 2\n");
    assertIntact(fx.step(r, "make").outputs().get("o"));
  }

  @Test
  void aMiniBatchWritingIntoAnotherMiniBatchsInputFailsTheStepAndTheStoreIsRepaired() throws Exception {
    Engine.RunOutcome r = fx.run(pipeline("other"), EngineFixture.opts());
    StepOutcome vandal = fx.step(r, "vandal");
    assertThat(vandal.status()).isEqualTo("failed");
    assertThat(vandal.error()).contains("the step wrote into its input files (f0)");
    assertIntact(fx.step(r, "make").outputs().get("o"));
    // The next consumer of the same stored folder (a run of the reader alone) reads the originals.
    Path readerOnly = fx.write("r.yml", Files.readString(dir.resolve("p.yml"))
        .replaceAll("(?s)  vandal:.*?(?=  reader:)", "").replace("      after: ${{parent.jobs.vandal.outputs.out}}\n", ""));
    Engine.RunOutcome again = fx.run(readerOnly, EngineFixture.opts());
    assertThat(again.status()).isEqualTo("completed");
    assertThat(fx.read(fx.step(again, "reader"), "copy", "all.txt")).isEqualTo("original 0\noriginal 2\n");
  }

  @Test
  void wellBehavedMiniBatchesReadLinkedInputsAndSucceed() throws Exception {
    Engine.RunOutcome r = fx.run(pipeline("none"), EngineFixture.opts());
    assertThat(r.status()).isEqualTo("completed");
    assertThat(fx.read(fx.step(r, "vandal"), "out", "f3")).isEqualTo("original 3\n");
    assertIntact(fx.step(r, "make").outputs().get("o"));
  }

  private void assertIntact(StoredObject tree) throws Exception {
    assertThat(fx.ws.objects().verify(tree.sha256(), StoredObject.Kind.TREE)).isTrue();
    for (TreeManifest.Entry e : fx.ws.objects().readTree(tree.sha256()).entries()) {
      assertThat(new String(fx.ws.objects().readBytes(e.sha256()))).startsWith("original ");
    }
  }
}
