package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static final String GOOD = """
      type: pipeline
      jobs:
        prep_data:
          command: echo hi > ${{outputs.out}}/x.txt
          outputs:
            out:
        train:
          command: cat ${{inputs.data}}/x.txt
          inputs:
            data: ${{parent.jobs.prep_data.outputs.out}}
      """;

  @Test
  void validFileExitsZeroAndSaysSo() throws IOException {
    Path f = write("good.yml", GOOD);
    CliRunner.Outcome o = CliRunner.run("validate", f.toString());
    assertThat(o.exitCode()).isZero();
    assertThat(o.out()).contains("valid pipeline job");
    assertThat(o.err()).isEmpty();
  }

  @Test
  void invalidFileExitsTwoWithLocatedErrorAndHint() throws IOException {
    Path f = write("bad.yml", GOOD.replace("prep_data.outputs", "prep_dta.outputs"));
    CliRunner.Outcome o = CliRunner.run("validate", f.toString());
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("bad.yml:10:13: error: jobs.train.inputs.data:")
        .contains("names no step 'prep_dta'").contains("did you mean 'prep_data'?");
    assertThat(o.out()).contains("invalid (1 error)");
  }

  @Test
  void jsonListsEveryFileWithErrorsAndWarnings() throws IOException {
    Path good = write("good.yml", GOOD.replace("type: pipeline", "type: pipeline\nsettings:\n  default_datestore: x"));
    Path bad = write("bad.yml", "jobs: [1, 2");
    CliRunner.Outcome o = CliRunner.run("validate", "--json", good.toString(), bad.toString());
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.out())
        .contains("\"valid\" : true").contains("\"valid\" : false")
        .contains("\"path\" : \"settings.default_datestore\"")
        .contains("did you mean 'default_datastore'?")
        .contains("\"line\" : 3").contains("\"column\" : 3");
    assertThat(o.err()).isEmpty();
  }

  @Test
  void missingFileIsBadInputNotACrash() {
    CliRunner.Outcome o = CliRunner.run("validate", dir.resolve("nope.yml").toString());
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("nope.yml").contains("no such file").doesNotContain("Exception");
  }

  @Test
  void hostileYamlGivesOneLineError() throws IOException {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 30; i++) {
      bomb.append((char) ('b' + i % 20)).append(i).append(": &").append("l").append(i).append(" [")
          .append(i == 0 ? "*a, *a" : "*l" + (i - 1) + ", *l" + (i - 1)).append("]\n");
    }
    Path f = write("bomb.yml", bomb.toString());
    CliRunner.Outcome o = CliRunner.run("validate", f.toString());
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("bomb.yml").contains("alias").doesNotContain("at dev.");
  }

  @Test
  void noFileIsAShortParseError() {
    CliRunner.Outcome o = CliRunner.run("validate");
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("Missing required parameter").contains("FILE");
  }

  @Test
  void helpListsTheOptions() {
    CliRunner.Outcome o = CliRunner.run("validate", "--help");
    assertThat(o.exitCode()).isZero();
    assertThat(o.out()).contains("Usage: trainyard validate").contains("--json").contains("--quiet").contains("FILE...");
  }

  @Test
  void unknownOptionIsShortParseError() {
    CliRunner.Outcome o = CliRunner.run("validate", "--jsn", "x.yml");
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("Unknown option: '--jsn'").contains("--help");
    assertThat(o.err().lines().count()).isLessThan(6);
  }
}
