package dev.trainyard.store.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.store.ResultStore;
import dev.trainyard.store.RunStore;
import dev.trainyard.store.Sha256;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step's code snapshot in lineage by file: a file of the code folder leads to the snapshot, the
 * step runs that ran it and what they produced, in a new workspace and in one whose runs were
 * recorded before code snapshots were indexed (the V5 migration fills the index from them).
 */
class CodeSnapshotLineageTest {
  @TempDir Path dir;
  Workspace ws;
  StoredObject code;
  StoredObject model;
  Path trainPy;
  long step;

  @BeforeEach
  void record() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    trainPy = Files.writeString(src.resolve("train.py"), "print('train')\n");
    Files.writeString(src.resolve("util.py"), "X = 1\n");
    ws = Workspace.open(dir.resolve("ws"));
    code = ws.objects().putTree(src, false);
    ws.runs().create(new RunStore.NewRun("run-1", "e", "p", "p.yml", null, "{}", 7, 1, "h", List.of("train"), Map.of(),
        Map.of()));
    StepRunRecord s = ws.runs().steps("run-1").get(0);
    step = s.id();
    ws.runs().startStep(step, s.version(), "key", "{\"code\":\"" + code.sha256() + "\",\"command\":\"python train.py\"}",
        11);
    model = ws.objects().putBytes("weights".getBytes(StandardCharsets.UTF_8));
    ws.results().complete(new ResultStore.Completion(step, "run-1", Map.of("model", model), Map.of(), Map.of(),
        List.of(), Map.of(), null));
  }

  @AfterEach
  void close() throws Exception {
    ws.close();
  }

  @Test
  void aCodeFileLeadsToItsSnapshotTheStepsThatRanItAndWhatTheyMade() throws Exception {
    LineageGraph g = new Lineage(ws).ofFiles(trainPy);
    String file = LineageNode.contentKey(Sha256.of("print('train')\n".getBytes(StandardCharsets.UTF_8)));
    String snapshot = LineageNode.contentKey(code.sha256());
    assertThat(g.roots()).containsExactly(file);
    assertThat(g.node(snapshot).kind()).isEqualTo(NodeKind.CODE);
    assertThat(g.node(snapshot).attrs().get("files")).isEqualTo(2L);
    assertThat(g.edges()).contains(new LineageEdge(file, snapshot, EdgeKind.PART_OF, "train.py"),
        new LineageEdge(snapshot, LineageNode.stepKey(step), EdgeKind.CODE, null),
        new LineageEdge(LineageNode.stepKey(step), LineageNode.contentKey(model.sha256()), EdgeKind.OUTPUT, "model"));
    assertThat(g.node(LineageNode.runKey("run-1"))).isNotNull();
  }

  @Test
  void runsRecordedBeforeTheIndexAreFoundAfterTheUpgrade() throws Exception {
    // As a workspace written by the previous schema: no code_snapshots table, triggers or index.
    ws.db().read(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("DROP TRIGGER step_runs_code_insert");
        s.execute("DROP TRIGGER step_runs_code_update");
        s.execute("DROP INDEX step_runs_code");
        s.execute("DROP TABLE code_files");
        s.execute("DROP TABLE code_snapshots");
        s.execute("DELETE FROM flyway_schema_history WHERE version = '5'");
      }
      return null;
    });
    ws.close();
    ws = Workspace.open(dir.resolve("ws")); // migrates to V5, which fills code_snapshots from key_parts
    LineageGraph g = new Lineage(ws).ofFiles(trainPy);
    assertThat(g.edges()).contains(new LineageEdge(LineageNode.contentKey(code.sha256()), LineageNode.stepKey(step),
        EdgeKind.CODE, null));
  }

  @Test
  void aSnapshotWhoseManifestIsGoneIsMarkedAndNotRetried() throws Exception {
    ws.db().read(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO code_snapshots (sha256) VALUES ('" + "ab".repeat(32) + "')");
      }
      return null;
    });
    assertThat(ws.treeIndex().catchUp()).isEqualTo(2); // the real snapshot and the missing one
    assertThat(ws.treeIndex().catchUp()).isZero();
    Integer marked = ws.db().read(c -> {
      try (Statement s = c.createStatement(); var rs = s.executeQuery(
          "SELECT indexed FROM code_snapshots WHERE sha256 = '" + "ab".repeat(32) + "'")) {
        return rs.next() ? rs.getInt(1) : null;
      }
    });
    assertThat(marked).isEqualTo(2);
  }
}
