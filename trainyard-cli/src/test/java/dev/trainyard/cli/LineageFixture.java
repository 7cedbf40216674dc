package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.store.RunRecord;
import dev.trainyard.store.Sha256;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.Workspace;
import dev.trainyard.store.registry.AssetKind;
import dev.trainyard.store.registry.NewAsset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workspace with a real three-step run (prep → train → score, through {@code trainyard run}), the
 * train step's output registered as model {@code fraud:1} and the raw input folder as data asset
 * {@code raw:1}, through the registry's Java API.
 */
final class LineageFixture {
  static final String A_CSV = "id,amount\n1,20\n2,35\n";
  static final String TRAIN_SH = "cat \"$1\"/*.csv; echo \"lr=$2\"\n";
  static final String PIPELINE = """
      type: pipeline
      experiment_name: fraud
      inputs:
        raw:
          type: uri_folder
          path: ./data
        lr: 0.1
      jobs:
        prep:
          command: cp ${{inputs.d}}/* ${{outputs.o}}/ && echo cleaned > ${{outputs.o}}/note.txt
          inputs:
            d: ${{parent.inputs.raw}}
          outputs:
            o:
        train:
          code: ./src
          command: >-
            bash train.sh ${{inputs.d}} ${{inputs.lr}} > ${{outputs.model}}/model.txt
            && echo "##trainyard[param name=epochs value=3]"
          inputs:
            d: ${{parent.jobs.prep.outputs.o}}
            lr: ${{parent.inputs.lr}}
          outputs:
            model:
        score:
          command: wc -l ${{inputs.m}}/model.txt > ${{outputs.s}}/score.txt
          inputs:
            m: ${{parent.jobs.train.outputs.model}}
          outputs:
            s:
      """;

  final Path dir;
  final String ws;
  final Path file;
  String runId;
  long trainSeed;
  String codeSha;
  String rawSha;
  String modelSha;
  String aCsvSha = Sha256.of(A_CSV.getBytes(StandardCharsets.UTF_8));
  String trainShSha = Sha256.of(TRAIN_SH.getBytes(StandardCharsets.UTF_8));

  LineageFixture(Path dir) throws Exception {
    this.dir = dir;
    this.ws = dir.resolve("ws").toString();
    Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("data/a.csv"), A_CSV);
    Files.writeString(dir.resolve("data/b.csv"), "id,amount\n3,12\n");
    Files.writeString(dir.resolve("src/train.sh"), TRAIN_SH);
    file = dir.resolve("pipeline.yml");
    Files.writeString(file, PIPELINE);
    CliRunner.Outcome run = CliRunner.run("run", "-q", "--seed", "7", "--workspace", ws, file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Workspace w = Workspace.open(Path.of(ws))) {
      RunRecord r = w.runs().list(null, null, 1).get(0);
      runId = r.id();
      StepRunRecord prep = step(w, "prep");
      StepRunRecord train = step(w, "train");
      trainSeed = train.seed();
      Matcher code = Pattern.compile("\"code\":\"([0-9a-f]{64})\"").matcher(train.keyParts());
      assertThat(code.find()).as(train.keyParts()).isTrue();
      codeSha = code.group(1);
      rawSha = w.results().io(prep.id(), "in").get("d").artifactSha256();
      modelSha = w.results().io(train.id(), "out").get("model").artifactSha256();
      w.registries().register(new NewAsset(AssetKind.MODEL, "fraud", null, "custom_model",
          w.results().artifact(modelSha), null, "fraud model", Map.of("stage", "test"), runId + ":train:model", runId,
          train.id(), "{}"));
      w.registries().register(new NewAsset(AssetKind.DATA, "raw", "1", "uri_folder", w.results().artifact(rawSha), null,
          "raw transactions", Map.of(), dir.resolve("data").toString(), null, null, "{}"));
    }
  }

  private StepRunRecord step(Workspace w, String name) throws Exception {
    return w.runs().steps(runId).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  CliRunner.Outcome lineage(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "lineage";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--workspace";
    all[args.length + 2] = ws;
    return CliRunner.run(all);
  }
}
