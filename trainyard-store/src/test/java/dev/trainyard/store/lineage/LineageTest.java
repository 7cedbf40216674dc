package dev.trainyard.store.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trainyard.store.ResultStore;
import dev.trainyard.store.RunStore;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import dev.trainyard.store.registry.AssetKind;
import dev.trainyard.store.registry.NewAsset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walks on hand-made records: two runs of one step ("train": a data folder in, a model file
 * out) whose ids share a prefix, the second run's model registered.
 */
class LineageTest {
  @TempDir Path dir;
  Workspace ws;
  StoredObject data;
  StoredObject model2;

  @BeforeEach
  void record() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("data"));
    Files.writeString(folder.resolve("a.csv"), "1,2\n");
    Files.writeString(folder.resolve("b.csv"), "3,4\n");
    ws = Workspace.open(dir.resolve("ws"));
    data = ws.objects().putTree(folder, false);
    for (String run : List.of("run-1", "run-2")) {
      ws.runs().create(new RunStore.NewRun(run, "e", "p", "p.yml", null, "{}", 7, 1, "h", List.of("train"), Map.of(),
          Map.of()));
      long step = ws.runs().steps(run).get(0).id();
      StoredObject model = ws.objects().putBytes(("model of " + run).getBytes());
      ws.results().complete(new ResultStore.Completion(step, run, Map.of("model", model), Map.of("data", data),
          Map.of("lr", run.equals("run-1") ? "0.1" : "0.2"), List.of(), Map.of(), null));
      if (run.equals("run-2")) {
        model2 = model;
        ws.registries().register(new NewAsset(AssetKind.MODEL, "m", null, "custom_model", model, null, null, Map.of(),
            run + ":train:model", run, step, "{}"));
      }
    }
  }

  @Test
  void upstreamOfAModelIsTheStepThatProducedItAndItsInputs() throws Exception {
    LineageGraph g = new Lineage(ws).of("model:m:1", true, false);
    assertThat(g.roots()).containsExactly("model:m:1");
    LineageNode step = g.nodes().stream().filter(n -> n.kind() == NodeKind.STEP).findFirst().orElseThrow();
    assertThat(step.label()).isEqualTo("run-2:train");
    assertThat(step.attrs().get("params")).isEqualTo(Map.of("lr", "0.2"));
    assertThat(g.edges()).contains(new LineageEdge("sha256:" + data.sha256(), step.key(), EdgeKind.INPUT, "data"));
    assertThat(g.node("sha256:" + data.sha256()).files()).extracting(LineageNode.FileEntry::path)
        .containsExactly("a.csv", "b.csv");
    assertThat(g.nodes()).noneMatch(n -> n.label().equals("run-1:train"));
  }

  @Test
  void aFileInsideTheFolderLeadsDownstreamToBothRunsAndTheModel() throws Exception {
    LineageGraph g = new Lineage(ws).ofFiles(dir.resolve("data/a.csv"));
    assertThat(g.upstream()).isFalse();
    assertThat(g.edges()).anyMatch(e -> e.kind() == EdgeKind.PART_OF && e.label().equals("a.csv"));
    assertThat(g.nodes()).filteredOn(n -> n.kind() == NodeKind.STEP).extracting(LineageNode::label)
        .containsExactly("run-1:train", "run-2:train");
    assertThat(g.nodes()).filteredOn(n -> n.kind() == NodeKind.MODEL).extracting(LineageNode::id).containsExactly("m:1");
    assertThat(g.notes()).isEmpty();
  }

  @Test
  void referencesThatFitSeveralThingsOrNothingAreRefused() throws Exception {
    Lineage l = new Lineage(ws);
    assertThatThrownBy(() -> l.of("run-", true, true)).isInstanceOf(LineageException.class)
        .hasMessageContaining("matches several runs");
    assertThatThrownBy(() -> l.of(data.sha256().substring(0, 7), true, true)).isInstanceOf(LineageException.class)
        .hasMessageContaining("names no model");
    assertThat(l.of(data.sha256().substring(0, 8), false, true).roots()).containsExactly("sha256:" + data.sha256());
    assertThat(l.of("run-1", true, true).roots()).containsExactly("run:run-1");
    assertThat(l.of("m:1", true, true).roots()).containsExactly("model:m:1");
    assertThat(l.of("model:m@latest", true, true).roots()).containsExactly("model:m:1");
  }

  @Test
  void aRunsDownstreamReachesWhatWasRegisteredFromIt() throws Exception {
    LineageGraph g = new Lineage(ws).of("run-2", false, true);
    assertThat(g.edges()).contains(new LineageEdge("sha256:" + model2.sha256(), "model:m:1", EdgeKind.REGISTERED, null));
  }

  @AfterEach
  void close() throws Exception {
    ws.close();
  }
}
