package dev.trainyard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.Planner;
import dev.trainyard.spec.registry.Registry;
import dev.trainyard.store.RunStore;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes pipelines into a temporary folder, plans them and runs them on a workspace there. */
final class EngineFixture implements AutoCloseable {
  final Path dir;
  final Workspace ws;
  final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();

  EngineFixture(Path dir) throws Exception {
    this.dir = dir;
    this.ws = Workspace.open(dir.resolve(".trainyard"));
  }

  Path write(String name, String yaml) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, yaml);
    return p;
  }

  Plan plan(Path file, Map<String, String> overrides) {
    SpecLoader.Result r = new SpecLoader().load(file);
    assertThat(r.errors()).isEmpty();
    Plan plan = Planner.plan((PipelineJob) r.document(), overrides, Registry.NONE);
    assertThat(plan.diagnostics().stream().filter(d -> d.isError())).isEmpty();
    return plan;
  }

  Engine.RunOutcome run(Path file, RunOptions options) throws Exception {
    return run(file, Map.of(), options);
  }

  Engine.RunOutcome run(Path file, Map<String, String> overrides, RunOptions options) throws Exception {
    Plan plan = plan(file, overrides);
    String id = "run-" + UUID.randomUUID();
    RunStore.NewRun rec = new RunStore.NewRun(id, "test", "p", file.toString(), null, "{}", options.seed(), 1, "h",
        plan.steps().stream().map(s -> s.name()).toList(), Map.of(), Map.of());
    return new Engine(ws, new LocalExecutor(), new RunListener() {
      @Override
      public void note(String message) {
        notes.add(message);
      }
    }).run(plan, rec, options);
  }

  static RunOptions opts() {
    return new RunOptions(2, 0, false, 0, 10, null);
  }

  StepOutcome step(Engine.RunOutcome r, String name) {
    return r.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  String read(StepOutcome s, String output, String file) throws Exception {
    Path out = dir.resolve("got-" + UUID.randomUUID());
    ws.objects().materializeTree(s.outputs().get(output).sha256(), out);
    return Files.readString(out.resolve(file));
  }

  @Override
  public void close() throws Exception {
    ws.close();
  }
}
