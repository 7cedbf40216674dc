package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.store.RunStore;
import dev.trainyard.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trainyard rerun} of runs it cannot check: a clear one-line error, exit 2, nothing written. */
class RerunRefusalsTest {
  @TempDir Path dir;

  private String ws() {
    return dir.resolve("ws").toString();
  }

  private Path pipeline(String command) throws Exception {
    Path p = dir.resolve("p.yml");
    Files.writeString(p, """
        type: pipeline
        jobs:
          only:
            command: COMMAND
            outputs:
              o:
        """.replace("COMMAND", command));
    return p;
  }

  private int runCount() {
    return (int) CliRunner.run("runs", "list", "--json", "--workspace", ws()).out().lines()
        .filter(l -> l.contains("\"id\"")).count();
  }

  @Test
  void unknownRunIsBadInputAndWritesNothing() throws Exception {
    CliRunner.Outcome none = CliRunner.run("rerun", "--workspace", ws(), "nope");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("no workspace at").contains("no run 'nope'").doesNotContain("Exception");
    assertThat(dir.resolve("ws")).doesNotExist();

    assertThat(CliRunner.run("run", "-q", "--workspace", ws(), pipeline("echo x > ${{outputs.o}}/x").toString())
        .exitCode()).isZero();
    CliRunner.Outcome unknown = CliRunner.run("rerun", "--json", "--workspace", ws(), "nope");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no run 'nope'").doesNotContain("Exception");
    assertThat(unknown.out()).isEmpty();
    assertThat(runCount()).isEqualTo(1);
  }

  @Test
  void runWithNoCompletedStepsHasNothingToCompare() throws Exception {
    assertThat(CliRunner.run("run", "-q", "--workspace", ws(), pipeline("exit 3").toString()).exitCode()).isEqualTo(1);
    CliRunner.Outcome r = CliRunner.run("rerun", "--workspace", ws(), "latest");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("(failed) has no completed steps: there are no outputs to compare a rerun with");
    assertThat(runCount()).isEqualTo(1);
  }

  @Test
  void runStillRunningOrAbandonedIsRefusedWithWhatToDo() throws Exception {
    Path p = pipeline("echo x > ${{outputs.o}}/x");
    try (Workspace w = Workspace.open(dir.resolve("ws"))) {
      // Recorded as running by this (live) process, and by one that is certainly gone.
      w.runs().create(new RunStore.NewRun("r-live", "e", "p", p.toString(), null, "{}", 0,
          ProcessHandle.current().pid(), RunRecords.host(), List.of("only"), Map.of(), Map.of()));
      w.runs().create(new RunStore.NewRun("r-gone", "e", "p", p.toString(), null, "{}", 0, Integer.MAX_VALUE,
          RunRecords.host(), List.of("only"), Map.of(), Map.of()));
    }
    CliRunner.Outcome live = CliRunner.run("rerun", "--workspace", ws(), "r-live");
    assertThat(live.exitCode()).isEqualTo(2);
    assertThat(live.err()).contains("run r-live is still running (process " + ProcessHandle.current().pid() + ")");
    CliRunner.Outcome gone = CliRunner.run("rerun", "--workspace", ws(), "r-gone");
    assertThat(gone.exitCode()).isEqualTo(2);
    assertThat(gone.err()).contains("run r-gone did not finish").contains("'trainyard resume r-gone' it first");
    assertThat(runCount()).isEqualTo(2);
  }

  @Test
  void pipelineFileWhoseFolderIsGoneCannotBeRecoveredHonestly() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("project"));
    Path p = Files.move(pipeline("echo x > ${{outputs.o}}/x"), sub.resolve("p.yml"));
    assertThat(CliRunner.run("run", "-q", "--workspace", ws(), p.toString()).exitCode()).isZero();
    Files.delete(p);
    Files.delete(sub);
    CliRunner.Outcome r = CliRunner.run("rerun", "--workspace", ws(), "latest");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("cannot rerun").contains("folder " + sub + " is gone")
        .doesNotContain("Exception");
    assertThat(runCount()).isEqualTo(1);
  }

  @Test
  void deletedPipelineFileIsRecoveredFromTheStore() throws Exception {
    Path p = pipeline("echo x > ${{outputs.o}}/x");
    assertThat(CliRunner.run("run", "-q", "--workspace", ws(), p.toString()).exitCode()).isZero();
    Files.delete(p);
    CliRunner.Outcome r = CliRunner.run("rerun", "--workspace", ws(), "latest");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("p.yml is gone; using the version the run recorded");
    assertThat(p).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("ws");
    }
  }
}
