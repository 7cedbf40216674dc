package dev.trainyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path dir;

  private static RunStore.NewRun newRun(String id) {
    return new RunStore.NewRun(id, "exp", "pipe", "p.yml", null, "{}", 7, 1, "host", List.of("a", "b"),
        Map.of("branch", "main"), Map.of("epochs", "3"));
  }

  @Test
  void runLifecycleIsRecordedAndSurvivesReopen() throws Exception {
    Path src = Files.writeString(dir.resolve("f.txt"), "data");
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      ws.runs().create(newRun("r1"));
      StepRunRecord a = ws.runs().steps("r1").get(0);
      assertThat(a.status()).isEqualTo("pending");
      ws.runs().startStep(a.id(), a.version(), "key-a", "{}", 42);
      long att = ws.runs().startAttempt(a.id(), 1);
      ws.runs().endAttempt(att, "succeeded", 0, null, null);
      StoredObject out = ws.objects().putFile(src);
      ws.results().complete(new ResultStore.Completion(a.id(), "r1", Map.of("out", out), Map.of(),
          Map.of("epochs", "3"), List.of(new MetricRecord("loss", 0.5, 1, 1000, null)), Map.of("lr", "0.1"), null));
    }
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      RunRecord r = ws.runs().find("r1");
      assertThat(r.experiment()).isEqualTo("exp");
      assertThat(r.status()).isEqualTo("running");
      StepRunRecord a = ws.runs().steps("r1").get(0);
      assertThat(a.status()).isEqualTo("completed");
      assertThat(ws.results().io(a.id(), "out").get("out").artifactSha256()).hasSize(64);
      assertThat(ws.results().io(a.id(), "in").get("epochs").value()).isEqualTo("3");
      assertThat(ws.results().metrics("r1")).extracting(MetricRecord::key).containsExactly("loss");
      assertThat(ws.results().params("r1")).containsEntry("epochs", "3").containsEntry("a.lr", "0.1");
      assertThat(ws.results().tags("r1")).containsEntry("branch", "main");
      assertThat(ws.results().reusable("key-a", "r2").id()).isEqualTo(a.id());
      assertThat(ws.results().reusable("key-a", "r1")).isNull();
      assertThat(ws.runs().attempts(a.id())).extracting(AttemptRecord::status).containsExactly("succeeded");
    }
  }

  @Test
  void optimisticLockingRefusesAStaleUpdate() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      ws.runs().create(newRun("r1"));
      StepRunRecord b = ws.runs().steps("r1").get(1);
      ws.runs().startStep(b.id(), b.version(), "k", "{}", 1);
      assertThatThrownBy(() -> ws.runs().startStep(b.id(), b.version(), "k", "{}", 1))
          .isInstanceOf(StaleUpdateException.class);
      RunRecord r = ws.runs().find("r1");
      ws.runs().setRunStatus("r1", "failed", r.version(), null);
      assertThatThrownBy(() -> ws.runs().setRunStatus("r1", "completed", r.version(), null))
          .isInstanceOf(StaleUpdateException.class);
      assertThat(ws.runs().find("r1").status()).isEqualTo("failed");
    }
  }

  @Test
  void aFailedTransactionChangesNothing() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      ws.runs().create(newRun("r1"));
      assertThatThrownBy(() -> ws.runs().create(newRun("r1"))).isInstanceOf(java.sql.SQLException.class);
      assertThat(ws.runs().list(null, null, 10)).hasSize(1);
      assertThat(ws.runs().steps("r1")).hasSize(2);
    }
  }
}
