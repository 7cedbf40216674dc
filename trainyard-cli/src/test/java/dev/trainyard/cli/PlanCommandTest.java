package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  @TempDir Path dir;
  Path file;

  @BeforeEach
  void write() throws IOException {
    file = dir.resolve("p.yml");
    Files.writeString(file, """
        type: pipeline
        display_name: demo
        settings:
          default_compute: azureml:cpu-cluster
        inputs:
          epochs: 3
          greeting:
            type: string
            default: hello
        jobs:
          train:
            command: echo ${{inputs.e}} ${{inputs.d}} > ${{outputs.model}}/m
            inputs:
              e: ${{parent.inputs.epochs}}
              d: ${{parent.jobs.prep.outputs.data}}
            outputs:
              model:
          prep:
            command: echo ${{inputs.g}} > ${{outputs.data}}/d
            inputs:
              g: ${{parent.inputs.greeting}}
            outputs:
              data:
        """);
  }

  @Test
  void textPlanListsStepsInExecutionOrder() {
    CliRunner.Outcome o = CliRunner.run("plan", file.toString());
    assertThat(o.exitCode()).isZero();
    assertThat(o.out()).contains("2 steps");
    assertThat(o.out().indexOf("1. prep")).isPositive().isLessThan(o.out().indexOf("2. train"));
    assertThat(o.out()).contains("d <- prep.outputs.data (uri_folder)").contains("e <- 3 (integer)")
        .contains("note: compute 'azureml:cpu-cluster' is not configured here; its steps run on 'local'");
  }

  @Test
  void setOverridesTypedInputs() {
    CliRunner.Outcome o = CliRunner.run("plan", "--json", "--set", "inputs.epochs=7", "--set", "inputs.greeting=hi there", file.toString());
    assertThat(o.exitCode()).isZero();
    assertThat(o.out()).contains("\"value\" : 7").contains("\"value\" : \"hi there\"")
        .contains("\"depends_on\" : [ \"prep\" ]");
  }

  @Test
  void setOfUnknownInputIsBadInputWithHint() {
    CliRunner.Outcome o = CliRunner.run("plan", "--set", "inputs.epoch=7", file.toString());
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("--set: error: inputs.epoch: the pipeline has no input 'epoch'")
        .contains("did you mean 'epochs'?");
  }

  @Test
  void malformedSetIsBadInput() {
    CliRunner.Outcome o = CliRunner.run("plan", "--set", "epochs", file.toString());
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("expected inputs.NAME=VALUE");
  }

  @Test
  void dotEmitsGraphviz() {
    CliRunner.Outcome o = CliRunner.run("plan", "--dot", file.toString());
    assertThat(o.exitCode()).isZero();
    assertThat(o.out()).startsWith("digraph pipeline {").contains("\"prep\" -> \"train\" [label=\"data -> d\"]");
  }

  @Test
  void planOfAComponentIsBadInput() throws IOException {
    Path c = dir.resolve("c.yml");
    Files.writeString(c, """
        $schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json
        type: command
        name: hello
        version: 1
        command: echo hi
        """);
    CliRunner.Outcome o = CliRunner.run("plan", c.toString());
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("command component");
  }
}
