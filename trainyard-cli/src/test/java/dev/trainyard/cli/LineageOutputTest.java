package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.store.Workspace;
import dev.trainyard.store.registry.AssetKind;
import dev.trainyard.store.registry.NewAsset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trainyard lineage}: the shapes of --json and --dot, and references that name nothing. */
class LineageOutputTest {
  @TempDir Path dir;
  LineageFixture f;

  @BeforeEach
  void setUp() throws Exception {
    f = new LineageFixture(dir);
  }

  @Test
  void jsonIsNodesAndEdgesThatReferToThem() throws Exception {
    CliRunner.Outcome r = f.lineage("model:fraud@latest", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Map<?, ?> json = (Map<?, ?>) JsonTree.parse(r.out());
    assertThat(List.copyOf(json.keySet())).isEqualTo(List.of("direction", "roots", "nodes", "edges", "notes"));
    assertThat(json.get("direction")).isEqualTo("both");
    List<?> nodes = (List<?>) json.get("nodes");
    Set<Object> keys = nodes.stream().map(n -> ((Map<?, ?>) n).get("key")).collect(Collectors.toSet());
    assertThat(keys).hasSize(nodes.size()).contains("model:fraud:1", "run:" + f.runId, "sha256:" + f.rawSha);
    Set<Object> kinds = nodes.stream().map(n -> ((Map<?, ?>) n).get("kind")).collect(Collectors.toSet());
    assertThat(kinds).containsExactlyInAnyOrder("model", "data", "artifact", "step", "run");
    for (Object e : (List<?>) json.get("edges")) {
      Map<?, ?> edge = (Map<?, ?>) e;
      assertThat(keys).contains(edge.get("from"), edge.get("to"));
      assertThat(edge.get("kind")).isIn("input", "output", "part_of", "registered", "step");
    }
    // The score step is downstream of the model's content: both directions were walked.
    assertThat(keys.stream().filter(k -> k.toString().startsWith("step:")).count()).isEqualTo(3);
  }

  @Test
  void dotIsOneDigraphWithEveryNodeDeclared() {
    CliRunner.Outcome r = f.lineage("model:fraud:1", "--dot");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String dot = r.out();
    assertThat(dot).startsWith("digraph lineage {\n").endsWith("}\n")
        .contains("\"model:fraud:1\" [shape=hexagon, label=\"model:fraud:1\", penwidth=2, style=bold];")
        .contains("\"sha256:" + f.modelSha + "\" -> \"model:fraud:1\";");
    Set<String> declared = Pattern.compile("^  \"([^\"]+)\" \\[shape=", Pattern.MULTILINE).matcher(dot).results()
        .map(m -> m.group(1)).collect(Collectors.toSet());
    Pattern.compile("^  \"([^\"]+)\" -> \"([^\"]+)\"", Pattern.MULTILINE).matcher(dot).results()
        .forEach(m -> assertThat(declared).contains(m.group(1), m.group(2)));
    assertThat(dot.lines().filter(l -> l.contains(" -> ")).count()).isGreaterThan(8);
  }

  @Test
  void unknownReferencesAreNamedAndExitTwo() {
    expectBad(f.lineage("model:nope:1"), "no model 'nope:1' in ");
    expectBad(f.lineage("data:raw:9"), "no data asset 'raw:9'");
    expectBad(f.lineage("model:fraud@champion"), "no model 'fraud@champion'");
    expectBad(f.lineage("nosuchthing"), "'nosuchthing' names no model, data asset, run, step run");
    expectBad(f.lineage("deadbeefdeadbeef"), "'deadbeefdeadbeef' names no");
    expectBad(f.lineage(f.runId + ":nostep"), "'" + f.runId + ":nostep' names no");
    expectBad(f.lineage("bad\u0001ref"), "control characters");
    expectBad(f.lineage("--file", dir.resolve("missing.csv").toString()), "no such file or folder");
    expectBad(f.lineage(), "lineage needs a REF or --file PATH");
    expectBad(f.lineage("latest", "--json", "--dot"), "--json and --dot exclude each other");
    expectBad(f.lineage("--file", dir.toString(), "--upstream"), "--file finds what used");
    expectBad(f.lineage("latest", "--bogus"), "Unknown option: '--bogus'");
  }

  @Test
  void aReferenceThatFitsTwoThingsIsAmbiguous() throws Exception {
    try (Workspace w = Workspace.open(Path.of(f.ws))) {
      w.registries().register(new NewAsset(AssetKind.DATA, "fraud", "1", "uri_folder", w.results().artifact(f.rawSha),
          null, null, Map.of(), null, null, null, "{}"));
    }
    expectBad(f.lineage("fraud:1"), "'fraud:1' is ambiguous: it names model fraud:1 and data asset fraud:1");
    assertThat(f.lineage("data:fraud:1", "--upstream").exitCode()).isZero();
  }

  @Test
  void anUnreadableFileIsBadInput() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.csv"), "x\n");
    secret.toFile().setReadable(false);
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(secret), "running as a user who reads anything");
    expectBad(f.lineage("--file", secret.toString()), "cannot read " + secret);
  }

  @Test
  void aMissingWorkspaceIsReportedAndNotCreated() {
    Path nowhere = dir.resolve("no-ws");
    CliRunner.Outcome r = CliRunner.run("lineage", "latest", "--workspace", nowhere.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no workspace at " + nowhere);
    assertThat(Files.exists(nowhere)).isFalse();
  }

  @Test
  void contentNothingUsedSaysSo() throws Exception {
    Path lone = Files.writeString(dir.resolve("lone.txt"), "never used\n");
    CliRunner.Outcome r = f.lineage("--file", lone.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("nothing in the workspace used this content")
        .contains("note: 1 of 1 file under " + lone + " has content no artifact, folder, code snapshot or registered version holds");
  }

  @Test
  void helpListsTheForms() {
    CliRunner.Outcome r = CliRunner.run("lineage", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("--upstream").contains("--downstream").contains("--file=PATH").contains("model:N@alias");
    assertThat(CliRunner.run("--help").out()).contains("lineage");
  }

  private static void expectBad(CliRunner.Outcome r, String message) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }
}
