package dev.trainyard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The janitor: a run's small folders are kept until the next run, which deletes them (read-only
 * input folders included) in the background and leaves its own; a run's folder emptied of its
 * steps' folders is removed, one holding a failed step's folder kept.
 */
class JanitorTest {
  @TempDir Path ws;

  @Test
  void nextRunDeletesThePreviousRunsFoldersAndKeepsItsOwn() throws Exception {
    Path work = ws.resolve("work");
    Janitor first = new Janitor(work, "run-1");
    first.start();
    Path step = stepFolder(work.resolve("run-1").resolve("a"));
    first.discardLater(step);
    first.stop();
    Path kept = work.resolve(".trash-later").resolve("run-1");
    assertThat(step).doesNotExist();
    assertThat(work.resolve("run-1")).doesNotExist(); // emptied by the move: not left behind
    assertThat(kept).isDirectory(); // this run's own folders wait for the next run

    Janitor second = new Janitor(work, "run-2");
    second.discardLater(stepFolder(work.resolve("run-2").resolve("b")));
    Path failed = stepFolder(work.resolve("run-2").resolve("c")); // a failed step's folder, kept
    second.start();
    // Deleting is in the background: wait for it (a bounded wait, not a timing assertion).
    for (int i = 0; i < 300 && Files.exists(kept); i++) {
      Thread.sleep(50);
    }
    second.stop();
    assertThat(kept).doesNotExist();
    assertThat(work.resolve(".trash-later").resolve("run-2")).isDirectory();
    assertThat(failed).isDirectory(); // and so its run's folder
  }

  /** A step folder like a real one: a read-only input folder holding a read-only file. */
  private static Path stepFolder(Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("inputs").resolve("i"));
    Files.writeString(input.resolve("f.txt"), "x");
    Dirs.readOnly(input);
    Files.createDirectories(dir.resolve("outputs").resolve("o"));
    return dir;
  }
}
