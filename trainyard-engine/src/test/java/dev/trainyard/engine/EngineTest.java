package dev.trainyard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trainyard.store.StepRunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
  @TempDir Path dir;
  EngineFixture fx;

  @BeforeEach
  void open() throws Exception {
    fx = new EngineFixture(dir);
  }

  @AfterEach
  void close() throws Exception {
    fx.close();
  }

  private static final String IO = """
      type: pipeline
      jobs:
        hello_job:
          command: echo "hello" && echo "world" > ${{outputs.world_output}}/world.txt
          outputs:
            world_output:
        world_job:
          command: cat ${{inputs.world_input}}/world.txt
          inputs:
            world_input: ${{parent.jobs.hello_job.outputs.world_output}}
      """;

  @Test
  void runsStepsInOrderPassingOutputsAndReusesOnSecondRun() throws Exception {
    Path p = fx.write("io.yml", IO);
    Engine.RunOutcome first = fx.run(p, EngineFixture.opts());
    assertThat(first.status()).isEqualTo("completed");
    assertThat(fx.read(fx.step(first, "hello_job"), "world_output", "world.txt")).isEqualTo("world\n");
    StepRunRecord world = fx.ws.runs().steps(first.runId()).get(1);
    var attempt = fx.ws.runs().attempts(world.id()).get(0);
    assertThat(new String(fx.ws.objects().readBytes(attempt.logSha256()))).isEqualTo("world\n");

    Engine.RunOutcome second = fx.run(p, EngineFixture.opts());
    assertThat(second.steps()).allSatisfy(s -> assertThat(s.reused()).isTrue());
    assertThat(fx.step(second, "hello_job").outputs()).isEqualTo(fx.step(first, "hello_job").outputs());

    Engine.RunOutcome forced = fx.run(p, new RunOptions(2, 0, true, 0, 10, null));
    assertThat(forced.steps()).noneSatisfy(s -> assertThat(s.reused()).isTrue());
  }

  @Test
  void hostileInputValuesReachTheCommandAsPlainText() throws Exception {
    Path p = fx.write("h.yml", """
        type: pipeline
        inputs:
          text: "x"
        jobs:
          echo:
            command: printf '%s' ${{inputs.t}} > ${{outputs.o}}/v.txt
            inputs:
              t: ${{parent.inputs.text}}
            outputs:
              o:
        """);
    for (String evil : new String[] {"a'; touch PWNED; echo '", "$(touch PWNED2)", "`touch PWNED3`", "line1\nline2",
        "\"quoted\" and \\backslash", "--flag=*"}) {
      Engine.RunOutcome r = fx.run(p, Map.of("text", evil), EngineFixture.opts());
      assertThat(r.status()).isEqualTo("completed");
      assertThat(fx.read(fx.step(r, "echo"), "o", "v.txt")).isEqualTo(evil);
    }
    try (var files = Files.walk(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().startsWith("PWNED"))).isEmpty();
    }
  }

  @Test
  void aStepWritingIntoItsInputCannotChangeAnotherStepsInput() throws Exception {
    Path p = fx.write("w.yml", """
        type: pipeline
        jobs:
          make:
            command: echo original > ${{outputs.o}}/f.txt
            outputs:
              o:
          vandal:
            command: >-
              chmod -R u+w ${{inputs.i}} ;
              echo evil > ${{inputs.i}}/f.txt ;
              echo evil > ${{inputs.i}}/../../../make.txt ;
              mkdir -p ${{outputs.done}}
            inputs:
              i: ${{parent.jobs.make.outputs.o}}
            outputs:
              done:
          reader:
            command: cat ${{inputs.i}}/f.txt > ${{outputs.copy}}/f.txt
            inputs:
              i: ${{parent.jobs.make.outputs.o}}
              after: ${{parent.jobs.vandal.outputs.done}}
            outputs:
              copy:
        """);
    Engine.RunOutcome r = fx.run(p, new RunOptions(1, 0, false, 0, 10, null));
    assertThat(r.status()).isEqualTo("completed");
    assertThat(fx.read(fx.step(r, "reader"), "copy", "f.txt")).isEqualTo("original\n");
    String sha = fx.step(r, "make").outputs().get("o").sha256();
    assertThat(fx.ws.objects().verify(sha, dev.trainyard.store.StoredObject.Kind.TREE)).isTrue();
  }

  @Test
  void anOutputFolderTheCommandRemovedIsStoredEmptyAndOneItKeptAsIs() throws Exception {
    Path p = fx.write("rm.yml", """
        type: pipeline
        jobs:
          tidy:
            command: rmdir ${{outputs.gone}} && echo x > ${{outputs.kept}}/f.txt
            outputs:
              gone:
              kept:
        """);
    Engine.RunOutcome r = fx.run(p, EngineFixture.opts());
    assertThat(r.status()).isEqualTo("completed");
    var gone = fx.step(r, "tidy").outputs().get("gone");
    assertThat(gone.kind()).isEqualTo(dev.trainyard.store.StoredObject.Kind.TREE);
    assertThat(gone.files()).isZero();
    assertThat(fx.read(fx.step(r, "tidy"), "kept", "f.txt")).isEqualTo("x\n");
  }

  @Test
  void aTamperedOutputIsDetectedAndTheStepRunsAgain() throws Exception {
    Path p = fx.write("io.yml", IO);
    Engine.RunOutcome first = fx.run(p, EngineFixture.opts());
    String tree = fx.step(first, "hello_job").outputs().get("world_output").sha256();
    String file = fx.ws.objects().readTree(tree).entries().get(0).sha256();
    Path obj = fx.ws.objects().pathOf(file);
    Files.writeString(obj, "tampered\n");
    Engine.RunOutcome second = fx.run(p, EngineFixture.opts());
    assertThat(second.status()).isEqualTo("completed");
    assertThat(fx.step(second, "hello_job").reused()).isFalse();
    assertThat(fx.notes).anyMatch(n -> n.contains("missing or damaged"));
    assertThat(fx.read(fx.step(second, "hello_job"), "world_output", "world.txt")).isEqualTo("world\n");
  }

  @Test
  void failureSkipsDependentsAndContinueOnStepFailureKeepsIndependentBranches() throws Exception {
    String yaml = """
        type: pipeline
        settings:
          continue_on_step_failure: CONT
        jobs:
          bad:
            command: echo failing; exit 3
            outputs:
              o:
          after_bad:
            command: ls ${{inputs.i}}
            inputs:
              i: ${{parent.jobs.bad.outputs.o}}
          slow_good:
            command: sleep 1; echo ok > ${{outputs.o}}/ok
            outputs:
              o:
        """;
    Engine.RunOutcome stop = fx.run(fx.write("f1.yml", yaml.replace("CONT", "false")), new RunOptions(1, 0, false, 0, 10, null));
    assertThat(stop.status()).isEqualTo("failed");
    assertThat(fx.step(stop, "bad").error()).isEqualTo("exit code 3");
    assertThat(fx.step(stop, "after_bad").status()).isEqualTo("skipped");
    assertThat(fx.step(stop, "after_bad").error()).contains("step bad failed");

    Engine.RunOutcome go = fx.run(fx.write("f2.yml", yaml.replace("CONT", "true")), new RunOptions(1, 0, false, 0, 10, null));
    assertThat(go.status()).isEqualTo("failed");
    assertThat(fx.step(go, "slow_good").status()).isEqualTo("completed");
    assertThat(fx.step(go, "after_bad").status()).isEqualTo("skipped");
  }

  @Test
  void retriesWithBackoffThenSucceed() throws Exception {
    Path p = fx.write("r.yml", """
        type: pipeline
        jobs:
          flaky:
            command: test "$TRAINYARD_ATTEMPT" -ge 3 && echo done > ${{outputs.o}}/x
            outputs:
              o:
        """);
    Engine.RunOutcome r = fx.run(p, new RunOptions(1, 0, false, 2, 10, null));
    assertThat(r.status()).isEqualTo("completed");
    long id = fx.step(r, "flaky").stepRunId();
    assertThat(fx.ws.runs().attempts(id)).extracting(a -> a.status()).containsExactly("failed", "failed", "succeeded");
  }

  @Test
  void timeoutEndsTheStep() throws Exception {
    Path p = fx.write("t.yml", """
        type: pipeline
        jobs:
          sleepy:
            command: sleep 30
            limits:
              timeout: 1
        """);
    long t0 = System.currentTimeMillis();
    Engine.RunOutcome r = fx.run(p, EngineFixture.opts());
    assertThat(System.currentTimeMillis() - t0).isLessThan(20_000);
    assertThat(r.status()).isEqualTo("failed");
    assertThat(fx.step(r, "sleepy").error()).isEqualTo("timed out after 1 s");
  }

  @Test
  void metricsParamsAndSeedAreRecorded() throws Exception {
    Path p = fx.write("m.yml", """
        type: pipeline
        jobs:
          train:
            command: >-
              echo "##trainyard[metric name=loss value=0.5 step=1]" &&
              echo "##trainyard[metric name=loss value=0.25 step=2]" &&
              echo "##trainyard[param name=optimizer value=\\"adam w\\"]" &&
              echo '{"metric": "acc", "value": 0.9}' >> "$TRAINYARD_METRICS" &&
              echo "$TRAINYARD_SEED" > ${{outputs.o}}/seed
            outputs:
              o:
        """);
    Engine.RunOutcome r = fx.run(p, new RunOptions(1, 7, false, 0, 10, null));
    assertThat(r.status()).isEqualTo("completed");
    assertThat(fx.step(r, "train").metrics()).containsEntry("loss", 0.25).containsEntry("acc", 0.9);
    assertThat(fx.ws.results().metrics(r.runId())).extracting(m -> m.key() + "@" + m.step())
        .containsExactly("loss@1", "loss@2", "acc@0");
    assertThat(fx.ws.results().params(r.runId())).containsEntry("train.optimizer", "adam w");
    assertThat(fx.read(fx.step(r, "train"), "o", "seed").strip()).isEqualTo(Long.toString(Seeds.forStep(7, "train")));
  }

  @Test
  void codeSnapshotHonoursTrainyardIgnoreAndChangesTheKey() throws Exception {
    Files.createDirectories(dir.resolve("src/data"));
    Files.writeString(dir.resolve("src/run.sh"), "echo v1 > \"$1\"/v\n");
    Files.writeString(dir.resolve("src/data/big.bin"), "ignored");
    Files.writeString(dir.resolve("src/.trainyardignore"), "data/\n*.log\n");
    Path p = fx.write("c.yml", """
        type: pipeline
        jobs:
          s:
            code: ./src
            command: test ! -e data && test ! -e x.log && bash run.sh ${{outputs.o}}
            outputs:
              o:
        """);
    Files.writeString(dir.resolve("src/x.log"), "noise");
    Engine.RunOutcome a = fx.run(p, EngineFixture.opts());
    assertThat(a.status()).isEqualTo("completed");
    Files.writeString(dir.resolve("src/x.log"), "more noise");
    assertThat(fx.step(fx.run(p, EngineFixture.opts()), "s").reused()).isTrue();
    Files.writeString(dir.resolve("src/run.sh"), "echo v2 > \"$1\"/v\n");
    Engine.RunOutcome c = fx.run(p, EngineFixture.opts());
    assertThat(fx.step(c, "s").reused()).isFalse();
    assertThat(fx.read(fx.step(c, "s"), "o", "v")).isEqualTo("v2\n");
  }
}
