package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs record their branch and commit; name templates keep branches apart; {@code runs list --branch}. */
class BranchNamesTest {
  @TempDir Path repo;

  private static void git(Path dir, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=t",
        "-c", "user.email=t@example.com"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
  }

  @Test
  void runsOfTwoBranchesStayApart() throws Exception {
    String ws = repo.resolve(".trainyard").toString();
    Path p = repo.resolve("p.yml");
    Files.writeString(p, """
        type: pipeline
        display_name: detector
        tags: {pipeline_type: training}
        outputs:
          model: {type: custom_model, name: detector}
        jobs:
          train:
            command: echo w > ${{outputs.m}}/w.txt
            outputs:
              m: ${{parent.outputs.model}}
        """);
    Files.writeString(repo.resolve(".gitignore"), ".trainyard/\n");
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "first");
    String template = "{pipeline_type}_{base_name}_{branch}";
    var main = CliRunner.run("run", "--workspace", ws, "--name-template", template, p.toString());
    assertThat(main.exitCode()).as(main.err()).isZero();
    git(repo, "checkout", "-q", "-b", "feature/new-loss");
    var feature = CliRunner.run("run", "--workspace", ws, "--name-template", template, p.toString());
    assertThat(feature.exitCode()).as(feature.err()).isZero();
    assertThat(feature.err()).contains("model training_detector_feature-new-loss:1 registered");

    var onMain = CliRunner.run("runs", "list", "--branch", "main", "--json", "--workspace", ws);
    assertThat(onMain.out()).contains("\"experiment\" : \"training_detector_main\"").contains("\"branch\" : \"main\"")
        .doesNotContain("feature");
    var onFeature = CliRunner.run("runs", "list", "--branch", "feature/new-loss", "--workspace", ws);
    assertThat(onFeature.out().lines().filter(l -> l.contains("completed")).count()).isEqualTo(1);
    var show = CliRunner.run("runs", "show", "latest", "--json", "--workspace", ws);
    assertThat(show.out()).contains("\"trainyard.git.branch\" : \"feature/new-loss\"")
        .contains("\"trainyard.git.dirty\" : \"false\"").contains("\"trainyard.git.commit\" : \"");
    assertThat(CliRunner.run("model", "list", "--workspace", ws).out()).contains("training_detector_main")
        .contains("training_detector_feature-new-loss");
    var bad = CliRunner.run("run", "--workspace", ws, "--name-template", "{base_name}_{brnch}", p.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown variable {brnch}");
  }
}
