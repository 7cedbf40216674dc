package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}, {@code runs}, {@code logs} and {@code artifacts} as a user calls them. */
class RunCommandTest {
  @TempDir Path dir;
  Path file;
  String ws;

  @BeforeEach
  void write() throws Exception {
    ws = dir.resolve("ws").toString();
    file = dir.resolve("p.yml");
    Files.writeString(file, """
        type: pipeline
        experiment_name: demo
        inputs:
          greeting: hello
        jobs:
          make:
            command: echo ${{inputs.g}} > ${{outputs.o}}/g.txt && echo "##trainyard[metric name=n value=1]"
            inputs:
              g: ${{parent.inputs.greeting}}
            outputs:
              o:
          show:
            command: cat ${{inputs.i}}/g.txt
            inputs:
              i: ${{parent.jobs.make.outputs.o}}
        """);
  }

  @Test
  void runPrintsJsonThenReusesEverything() {
    CliRunner.Outcome first = CliRunner.run("run", "--json", "--workspace", ws, file.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("\"status\" : \"completed\"").contains("\"experiment\" : \"demo\"")
        .contains("\"reused\" : false").contains("\"sha256\" : \"").contains("\"n\" : 1.0");
    assertThat(first.err()).isEmpty();
    CliRunner.Outcome second = CliRunner.run("run", "--workspace", ws, file.toString());
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("completed (2 steps, 2 reused)");
    assertThat(second.err()).contains("reused    make").contains("reused    show");
  }

  @Test
  void runsListShowLogsWhyAndArtifacts() throws Exception {
    assertThat(CliRunner.run("run", "-q", "--workspace", ws, file.toString()).exitCode()).isZero();
    assertThat(CliRunner.run("run", "-q", "--workspace", ws, "--set", "inputs.greeting=bye", file.toString())
        .exitCode()).isZero();
    CliRunner.Outcome list = CliRunner.run("runs", "list", "--workspace", ws, "--experiment", "demo");
    assertThat(list.out().lines().filter(l -> l.contains("completed")).count()).isEqualTo(2);
    CliRunner.Outcome show = CliRunner.run("runs", "show", "latest", "--json", "--workspace", ws);
    assertThat(show.out()).contains("\"greeting\" : \"bye\"").contains("\"name\" : \"show\"");
    CliRunner.Outcome logs = CliRunner.run("logs", "latest", "show", "--workspace", ws);
    assertThat(logs.out()).isEqualTo("bye\n");
    CliRunner.Outcome why = CliRunner.run("runs", "why", "latest", "make", "--workspace", ws);
    assertThat(why.out()).contains("parameter g changed: hello -> bye");
    Path out = dir.resolve("got");
    assertThat(CliRunner.run("artifacts", "get", "latest:make:o", out.toString(), "--workspace", ws).exitCode()).isZero();
    assertThat(Files.readString(out.resolve("g.txt"))).isEqualTo("bye\n");
  }

  @Test
  void badReferencesAreBadInputAndChangeNothing() throws Exception {
    assertThat(CliRunner.run("runs", "show", "nope", "--workspace", ws).err()).contains("no run 'nope'");
    assertThat(CliRunner.run("artifacts", "get", "x", "d", "--workspace", ws).exitCode()).isEqualTo(2);
    CliRunner.Outcome badSet = CliRunner.run("run", "--workspace", ws, "--set", "inputs.greting=x", file.toString());
    assertThat(badSet.exitCode()).isEqualTo(2);
    assertThat(badSet.err()).contains("did you mean 'greeting'?");
    assertThat(CliRunner.run("runs", "list", "--json", "--workspace", ws).out().strip()).isEqualTo("[ ]");
  }

  @Test
  void failedRunExitsOneAndSaysHowToResume() throws Exception {
    Files.writeString(file, Files.readString(file).replace("cat ${{inputs.i}}/g.txt", "exit 4"));
    CliRunner.Outcome r = CliRunner.run("run", "--workspace", ws, file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("failed").contains("trainyard resume");
    assertThat(r.err()).contains("failed    show").contains("exit code 4");
  }
}
