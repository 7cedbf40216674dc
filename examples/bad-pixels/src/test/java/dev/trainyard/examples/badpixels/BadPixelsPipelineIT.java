package dev.trainyard.examples.badpixels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.engine.Engine;
import dev.trainyard.engine.LocalExecutor;
import dev.trainyard.engine.RunListener;
import dev.trainyard.engine.RunOptions;
import dev.trainyard.engine.StepOutcome;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.Planner;
import dev.trainyard.spec.registry.Registry;
import dev.trainyard.store.RunStore;
import dev.trainyard.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's pipeline.yml, unchanged, run through the engine at toy size on the packaged jar
 * (an integration test: it runs after {@code package}, so {@code target/bad-pixels.jar} exists).
 */
@Tag("longrunning")
class BadPixelsPipelineIT {
  @TempDir Path dir;

  private static final Path PIPELINE = Path.of("pipeline.yml").toAbsolutePath();

  private Engine.RunOutcome run(Workspace ws, List<String> log) throws Exception {
    SpecLoader.Result loaded = new SpecLoader().load(PIPELINE);
    assertThat(loaded.errors()).isEmpty();
    Plan plan = Planner.plan((PipelineJob) loaded.document(), Map.of(), Registry.NONE);
    assertThat(plan.diagnostics().stream().filter(d -> d.isError())).isEmpty();
    String id = "run-" + UUID.randomUUID();
    RunStore.NewRun rec = new RunStore.NewRun(id, "bad-pixels", "bad-pixels", PIPELINE.toString(), null, "{}", 0, 1,
        "h", plan.steps().stream().map(s -> s.name()).toList(), Map.of(), Map.of());
    return new Engine(ws, new LocalExecutor(), new RunListener() {
      @Override
      public void stepOutput(String step, String line) {
        log.add(step + " | " + line);
      }

      @Override
      public void note(String message) {
        log.add(message);
      }
    }).run(plan, rec, new RunOptions(2, 0, false, 0, 10, null));
  }

  private static StepOutcome step(Engine.RunOutcome r, String name) {
    return r.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void thePipelineFindsBadPixelsOnHeldOutCamerasBetterThanTheBaselineThenIsReused() throws Exception {
    assertThat(Path.of("target/bad-pixels.jar")).as("run after package").isRegularFile();
    List<String> log = new CopyOnWriteArrayList<>();
    try (Workspace ws = Workspace.open(dir.resolve(".trainyard"))) {
      Engine.RunOutcome r = run(ws, log);
      assertThat(r.status()).as(String.join("\n", log)).isEqualTo("completed");
      assertThat(r.steps()).extracting(StepOutcome::name).containsExactly("generate", "split_frames", "preprocess",
          "features", "train", "evaluate", "register");
      assertThat(step(r, "split_frames").metrics()).containsEntry("mini_batches", 4.0);
      assertThat(step(r, "preprocess").metrics()).containsEntry("mini_batches", 8.0);
      assertThat(step(r, "features").metrics()).containsEntry("mini_batches", 8.0);

      Map<String, Double> scores = step(r, "evaluate").metrics();
      assertThat(scores.get("f1")).isGreaterThanOrEqualTo(0.98);
      assertThat(scores.get("baseline_f1")).isLessThan(scores.get("f1"));
      for (String c : List.of("dead", "hot", "stuck", "flicker")) {
        assertThat(scores.get("f1_" + c)).as(c).isGreaterThanOrEqualTo(0.9);
      }
      assertThat(step(r, "register").metrics()).containsEntry("f1", Math.round(scores.get("f1") * 1e6) / 1e6);

      Path model = dir.resolve("model");
      ws.objects().materializeTree(step(r, "register").outputs().get("model").sha256(), model);
      assertThat(model.resolve("model.tribuo")).isNotEmptyFile();
      assertThat(Files.readString(model.resolve("report.md"))).contains("| truth \\ predicted |");
      assertThat(DefectModel.load(model.resolve("model.tribuo")).tribuo().getOutputIDInfo().size()).isEqualTo(5);

      // The pipeline output's `name:` registered the model, with the run's scores in its provenance.
      var registered = ws.registries().find(dev.trainyard.store.registry.AssetKind.MODEL, "bad-pixels-detector",
          null, "latest");
      assertThat(registered.version()).isEqualTo("1");
      assertThat(registered.sha256()).isEqualTo(step(r, "register").outputs().get("model").sha256());
      assertThat(registered.provenance()).contains("\"name\":\"train\"").contains("\"f1\":");

      Path rows = dir.resolve("rows");
      ws.objects().materializeTree(step(r, "split_frames").outputs().get("videos_read").sha256(), rows);
      assertThat(Files.readAllLines(rows.resolve("parallel_run_step.txt"))).containsExactly("cam00,64,48,40",
          "cam01,64,48,40", "cam02,64,48,40", "cam03,64,48,40", "cam04,64,48,40", "cam05,64,48,40",
          "cam06,64,48,40", "cam07,64,48,40");

      Engine.RunOutcome again = run(ws, log);
      assertThat(again.status()).isEqualTo("completed");
      assertThat(again.steps()).allSatisfy(s -> assertThat(s.reused()).as(s.name()).isTrue());
      assertThat(again.registered()).containsExactly(
          "model bad-pixels-detector:1 unchanged (same content) from register.model");
    }
  }
}
