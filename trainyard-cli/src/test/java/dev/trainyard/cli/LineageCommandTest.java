package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trainyard lineage} over a real run: upstream of a model, downstream of an input, and by file content. */
class LineageCommandTest {
  @TempDir java.nio.file.Path dir;
  LineageFixture f;

  @BeforeEach
  void setUp() throws Exception {
    f = new LineageFixture(dir);
  }

  @Test
  void upstreamOfTheModelReachesInputFilesCodeParamsAndSeeds() {
    CliRunner.Outcome r = f.lineage("model:fraud:1", "--upstream");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("model:fraud:1 (custom_model)")
        .contains("output 'model' of step " + f.runId + ":train")
        .contains("seed " + f.trainSeed + ", code " + f.codeSha)
        .contains("code files: train.sh " + f.trainShSha.substring(0, 12))
        .contains("params: lr=0.1").contains("logged params: epochs=3")
        .contains("run " + f.runId + ": pipeline pipeline, experiment fraud, run seed 7")
        .contains("output 'o' of step " + f.runId + ":prep")
        .contains("input 'd': artifact " + f.rawSha.substring(0, 12))
        .contains("= data:raw:1")
        .contains("a.csv  " + f.aCsvSha.substring(0, 12))
        .doesNotContain("downstream");
  }

  @Test
  void upstreamJsonHasEveryFileHashAndTheStepsInputs() throws Exception {
    CliRunner.Outcome r = f.lineage("fraud:1", "--upstream", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Map<?, ?> json = (Map<?, ?>) JsonTree.parse(r.out());
    assertThat(json.get("direction")).isEqualTo("upstream");
    assertThat(json.get("roots")).isEqualTo(List.of("model:fraud:1"));
    Map<?, ?> train = node(json, "step", f.runId + ":train");
    assertThat(train.get("code")).isEqualTo(f.codeSha);
    assertThat(list(train.get("code_files"))).containsExactly(Map.of("path", "train.sh", "sha256", f.trainShSha));
    assertThat(train.get("seed")).isEqualTo(f.trainSeed);
    assertThat(train.get("params")).isEqualTo(Map.of("lr", "0.1"));
    Map<?, ?> raw = node(json, "artifact", f.rawSha);
    assertThat(list(raw.get("file_list"))).contains(Map.of("path", "a.csv", "sha256", f.aCsvSha));
    assertThat(node(json, "data", "data:raw:1").get("type")).isEqualTo("uri_folder");
    assertThat(node(json, "run", f.runId).get("seed")).isEqualTo(7L);
    Object prep = node(json, "step", f.runId + ":prep").get("key");
    assertThat(edges(json)).contains(Map.of("from", "sha256:" + f.modelSha, "to", "model:fraud:1", "kind", "registered"))
        .contains(Map.of("from", "sha256:" + f.rawSha, "to", prep, "kind", "input", "label", "d"))
        .contains(Map.of("from", "run:" + f.runId, "to", train.get("key"), "kind", "step"));
  }

  @Test
  void downstreamOfTheRawInputReachesTheModel() {
    CliRunner.Outcome r = f.lineage(f.rawSha.substring(0, 10), "--downstream");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("artifact " + f.rawSha)
        .contains("input 'd' of step " + f.runId + ":prep")
        .contains("input 'd' of step " + f.runId + ":train")
        .contains("registered as model:fraud:1")
        .contains("models: fraud:1")
        .doesNotContain("upstream");
    CliRunner.Outcome data = f.lineage("data:raw@latest", "--downstream");
    assertThat(data.out()).startsWith("data:raw:1 (uri_folder)").contains("models: fraud:1")
        .contains("derived: 1 model, 0 data assets, 1 run").contains("params: lr=0.1");
  }

  @Test
  void fileFindsTheRunsAndTheModelThatUsedIt() throws Exception {
    // A second run reuses every step: it used the file too, and says so.
    assertThat(CliRunner.run("run", "-q", "--seed", "7", "--workspace", f.ws, f.file.toString()).exitCode()).isZero();
    CliRunner.Outcome r = f.lineage("--file", dir.resolve("data/a.csv").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("a.csv  file " + f.aCsvSha)
        .contains("in folder, as 'a.csv': artifact " + f.rawSha.substring(0, 12) + " (folder, 2 files, 35 B) = data:raw:1")
        .contains("models: fraud:1").contains("derived: 1 model, 1 data asset, 2 runs");
    CliRunner.Outcome json = f.lineage("--file", dir.resolve("data").toString(), "--json");
    Map<?, ?> tree = (Map<?, ?>) JsonTree.parse(json.out());
    assertThat(list(tree.get("roots"))).contains("sha256:" + f.aCsvSha).hasSize(2);
    assertThat(node(tree, "model", "model:fraud:1")).isNotNull();
    assertThat(edges(tree)).contains(Map.of("from", "sha256:" + f.aCsvSha, "to", "sha256:" + f.rawSha, "kind", "part_of",
        "label", "a.csv"));
  }

  @Test
  void aCodeFileFindsTheRunsWhoseCodeHeldItAndWhatTheyMade() throws Exception {
    CliRunner.Outcome r = f.lineage("--file", dir.resolve("src/train.sh").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith(dir.resolve("src/train.sh") + "  file " + f.trainShSha)
        .contains("in code, as 'train.sh': code " + f.codeSha.substring(0, 12) + " (1 file)")
        .contains("code of step " + f.runId + ":train")
        .contains("output 'model': artifact " + f.modelSha.substring(0, 12))
        .contains("input 'm' of step " + f.runId + ":score")
        .contains("models: fraud:1").contains("derived: 1 model, 0 data assets, 1 run");
    Map<?, ?> tree = (Map<?, ?>) JsonTree.parse(f.lineage("--file", dir.resolve("src").toString(), "--json").out());
    assertThat(node(tree, "code", f.codeSha).get("files")).isEqualTo(1L);
    assertThat(edges(tree)).contains(Map.of("from", "sha256:" + f.codeSha, "to", node(tree, "step", f.runId + ":train")
        .get("key"), "kind", "code"));
    // The hash of a file of the snapshot also names it as a reference.
    CliRunner.Outcome byHash = f.lineage(f.trainShSha.substring(0, 10), "--downstream");
    assertThat(byHash.exitCode()).as(byHash.err()).isZero();
    assertThat(byHash.out()).contains("code of step " + f.runId + ":train");
  }

  @Test
  void aRunAndAStepRunCanBeNamed() {
    CliRunner.Outcome run = f.lineage("latest");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("run " + f.runId).contains("upstream").contains("downstream")
        .contains("registered as model:fraud:1");
    CliRunner.Outcome step = f.lineage(f.runId.substring(0, 18) + ":score", "--upstream");
    assertThat(step.exitCode()).as(step.err()).isZero();
    assertThat(step.out()).startsWith("step " + f.runId + ":score").contains("output 'model' of step " + f.runId + ":train");
  }

  @Test
  void aReusedStepLeadsUpstreamToTheRunThatComputedTheContent() throws Exception {
    assertThat(CliRunner.run("run", "-q", "--seed", "7", "--workspace", f.ws, f.file.toString()).exitCode()).isZero();
    CliRunner.Outcome again = f.lineage("latest:train", "--upstream");
    assertThat(again.exitCode()).as(again.err()).isZero();
    String second = again.out().lines().findFirst().orElseThrow().substring("step ".length()).replace(":train", "");
    assertThat(second).isNotEqualTo(f.runId);
    // The second run's train step reused the first's; its input came from the first run's prep,
    // which computed it, not from the second run's prep, which only reused it.
    assertThat(again.out()).contains("reused the outputs of step " + f.runId + ":train")
        .contains("output 'o' of step " + f.runId + ":prep")
        .doesNotContain("of step " + second + ":prep");
  }

  static Map<?, ?> node(Map<?, ?> json, String kind, String label) {
    return ((List<?>) json.get("nodes")).stream().map(n -> (Map<?, ?>) n)
        .filter(n -> n.get("kind").equals(kind) && n.get("label").equals(label)).findFirst().orElse(null);
  }

  static List<Object> edges(Map<?, ?> json) {
    return list(json.get("edges"));
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }
}
