package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.store.AttemptRecord;
import dev.trainyard.store.RunRecord;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.Workspace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as separate processes: killed with SIGKILL and resumed; two runs sharing one workspace. */
@Tag("longrunning")
class ProcessRunsTest {
  @TempDir Path dir;

  private Process start(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out-" + System.nanoTime() + ".txt").toFile()).start();
  }

  @Test
  void killedRunResumesWithoutRedoingCompletedStepsAndEndsLeftoverProcesses() throws Exception {
    Path marker = dir.resolve("b-started");
    Path flag = dir.resolve("may-finish");
    Path p = dir.resolve("p.yml");
    Files.writeString(p, """
        type: pipeline
        jobs:
          a:
            command: echo a > ${{outputs.o}}/a.txt
            outputs:
              o:
          b:
            command: >-
              if [ -e FLAG ]; then cat ${{inputs.i}}/a.txt > ${{outputs.o}}/b.txt;
              else touch MARKER; sleep 120; fi
            inputs:
              i: ${{parent.jobs.a.outputs.o}}
            outputs:
              o:
        """.replace("FLAG", flag.toString()).replace("MARKER", marker.toString()));
    Process cli = start("run", "--workspace", "ws", "p.yml");
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.exists(marker) && System.currentTimeMillis() < deadline && cli.isAlive()) {
      Thread.sleep(100);
    }
    assertThat(marker).exists();
    cli.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
    assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();

    String runId;
    long leftoverPid;
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      RunRecord run = ws.runs().list(null, null, 1).get(0);
      runId = run.id();
      assertThat(run.status()).isEqualTo("running");
      List<StepRunRecord> steps = ws.runs().steps(runId);
      assertThat(steps.get(0).status()).isEqualTo("completed");
      assertThat(steps.get(1).status()).isEqualTo("running");
      AttemptRecord att = ws.runs().attempts(steps.get(1).id()).get(0);
      leftoverPid = att.pid();
      assertThat(liveInGroup(leftoverPid)).as("the step's processes outlived the CLI").isPositive();
    }
    Files.writeString(flag, "");
    CliRunner.Outcome resumed = CliRunner.run("resume", "--workspace", dir.resolve("ws").toString(), runId);
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(liveInGroup(leftoverPid)).as("resume ended the leftover processes").isZero();
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      assertThat(ws.runs().find(runId).status()).isEqualTo("completed");
      List<StepRunRecord> steps = ws.runs().steps(runId);
      assertThat(ws.runs().attempts(steps.get(0).id())).as("a ran once").hasSize(1);
      assertThat(ws.runs().attempts(steps.get(1).id())).extracting(AttemptRecord::status)
          .containsExactly("abandoned", "succeeded");
    }
    Path got = dir.resolve("got");
    assertThat(CliRunner.run("artifacts", "get", "--workspace", dir.resolve("ws").toString(), runId + ":b:o",
        got.toString()).exitCode()).isZero();
    assertThat(Files.readString(got.resolve("b.txt"))).isEqualTo("a\n");
  }

  /** Processes of a process group that are alive and not zombies (this container's init may not reap). */
  private static long liveInGroup(long pgid) throws Exception {
    long n = 0;
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String stat = Files.readString(p.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          if (!f[0].equals("Z") && Long.parseLong(f[2]) == pgid) {
            n++;
          }
        } catch (java.io.IOException gone) {
          // the process ended while we looked
        }
      }
    }
    return n;
  }

  @Test
  void killedParallelStepResumesFromTheMiniBatchesNotYetDone() throws Exception {
    Path marker = dir.resolve("stuck");
    Path flag = dir.resolve("may-finish");
    Path completions = dir.resolve("completions.txt");
    Files.createDirectories(dir.resolve("data"));
    for (int i = 0; i < 8; i++) {
      Files.writeString(dir.resolve("data/f" + i), "item " + i + "\n");
    }
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/work.sh"), """
        out="$1"; shift
        if [ "$TRAINYARD_MINI_BATCH_INDEX" -ge 3 ] && [ ! -e FLAG ]; then touch MARKER; sleep 120; fi
        for f in "$@"; do tr a-z A-Z < "$f" > "$out/$(basename "$f")"; done
        echo "$TRAINYARD_MINI_BATCH_INDEX" >> COMPLETIONS
        """.replace("FLAG", flag.toString()).replace("MARKER", marker.toString())
        .replace("COMPLETIONS", completions.toString()));
    Files.writeString(dir.resolve("par.yml"), """
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
            input_data: ${{inputs.data}}
            mini_batch_size: 1
            task:
              code: ./src
              entry_script: work.sh
              program_arguments: ${{outputs.out}}
        """);
    Process cli = start("run", "--workspace", "ws", "par.yml");
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.exists(marker) && System.currentTimeMillis() < deadline && cli.isAlive()) {
      Thread.sleep(100);
    }
    assertThat(marker).exists();
    cli.destroyForcibly();
    assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readAllLines(completions)).containsExactly("0", "1", "2");
    Path pidFile;
    try (var found = Files.find(dir.resolve("ws/work"), 6, (p, a) -> p.endsWith("batches/3/pid"))) {
      pidFile = found.findFirst().orElseThrow();
    }
    long stuckPid = Long.parseLong(Files.readString(pidFile).strip());
    assertThat(liveInGroup(stuckPid)).as("the killed CLI left mini-batch 3 running").isPositive();
    Files.writeString(flag, "");
    String ws = dir.resolve("ws").toString();
    CliRunner.Outcome resumed = CliRunner.run("resume", "--workspace", ws, "latest");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("3 of 8 mini-batches were done before");
    assertThat(liveInGroup(stuckPid)).as("resume ended the leftover mini-batch").isZero();
    assertThat(Files.readAllLines(completions)).as("no mini-batch completed twice")
        .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7");
    CliRunner.Outcome clean = CliRunner.run("run", "--json", "--force-rerun", "--workspace",
        dir.resolve("ws2").toString(), dir.resolve("par.yml").toString());
    CliRunner.Outcome first = CliRunner.run("runs", "show", "--json", "--workspace", ws, "latest");
    String cleanSha = clean.out().replaceAll("(?s).*\"sha256\" : \"([0-9a-f]{64})\".*", "$1");
    assertThat(first.out()).contains("\"out\" : \"" + cleanSha + "\"");
  }

  @Test
  void ctrlCCancelsTheRunAndEndsItsSteps() throws Exception {
    Path marker = dir.resolve("started");
    Files.writeString(dir.resolve("c.yml"), """
        type: pipeline
        jobs:
          long:
            command: touch MARKER; sleep 120
          after:
            command: echo never
            inputs:
              i: ${{parent.jobs.long.outputs.o}}
        """.replace("MARKER", marker.toString()).replace("sleep 120", "sleep 120\n    outputs:\n      o:"));
    Process cli = start("run", "--workspace", "ws", "c.yml");
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.exists(marker) && System.currentTimeMillis() < deadline && cli.isAlive()) {
      Thread.sleep(100);
    }
    assertThat(marker).exists();
    new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();
    assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).isNotZero();
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      RunRecord run = ws.runs().list(null, null, 1).get(0);
      assertThat(run.status()).isEqualTo("canceled");
      List<StepRunRecord> steps = ws.runs().steps(run.id());
      assertThat(steps).extracting(StepRunRecord::status).containsExactly("canceled", "canceled");
      long pid = ws.runs().attempts(steps.get(0).id()).get(0).pid();
      assertThat(liveInGroup(pid)).as("the step's processes were ended").isZero();
    }
  }

  @Test
  void twoRunsAtOnceOnOneWorkspaceBothComplete() throws Exception {
    StringBuilder yaml = new StringBuilder("type: pipeline\njobs:\n");
    for (int i = 0; i < 12; i++) {
      yaml.append("  s").append(i).append(":\n    command: echo $TRAINYARD_RUN_ID ").append(i)
          .append(" > ${{outputs.o}}/x\n    outputs:\n      o:\n");
    }
    Files.writeString(dir.resolve("a.yml"), yaml.toString());
    Files.writeString(dir.resolve("b.yml"), yaml.toString().replace("echo", "echo b"));
    Process a = start("run", "--workspace", "ws", "--force-rerun", "a.yml");
    Process b = start("run", "--workspace", "ws", "--force-rerun", "b.yml");
    assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(a.exitValue()).isZero();
    assertThat(b.exitValue()).isZero();
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      List<RunRecord> runs = ws.runs().list(null, null, 10);
      assertThat(runs).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo("completed"));
      for (RunRecord r : runs) {
        assertThat(ws.runs().steps(r.id())).hasSize(12).allSatisfy(s -> assertThat(s.isCompleted()).isTrue());
      }
    }
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ws/trainyard.db"));
        var rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
    assertThat(new File(dir.toFile(), "ws/tmp").list()).isEmpty();
  }
}
