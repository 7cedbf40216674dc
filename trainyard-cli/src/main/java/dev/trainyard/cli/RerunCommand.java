package dev.trainyard.cli;

import dev.trainyard.engine.Engine;
import dev.trainyard.engine.FlatJson;
import dev.trainyard.engine.LocalExecutor;
import dev.trainyard.engine.RerunPins;
import dev.trainyard.engine.Reproducibility;
import dev.trainyard.engine.RunOptions;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.store.RunRecord;
import dev.trainyard.store.RunStore;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code trainyard rerun RUN}: the reproducibility check. Runs a past run again as a new run
 * (tagged {@code trainyard.rerun_of}) from what it recorded — its pipeline file, overrides, seed,
 * each step's code snapshot and local inputs — reusing nothing, then compares every output with
 * the original's by content hash. Exit 0 when all are identical, 1 when anything differs or fails
 * (a step's definition included).
 */
@Command(name = "rerun", mixinStandardHelpOptions = true,
    description = "Run a past run again from its recorded code, inputs and seed; check its outputs are identical.")
final class RerunCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN", description = "Run id, unique prefix, or 'latest'.") String ref;
  @Mixin OutputOptions output;
  @Mixin WorkspaceOption workspace;

  @Override
  public Integer call() throws Exception {
    Path dir = workspace.dir();
    if (!Files.isRegularFile(dir.resolve("trainyard.db"))) {
      // Opening would create an empty workspace; a check of a run that cannot exist must write nothing.
      System.err.println("trainyard: no workspace at " + dir + " (nothing has run there); no run '" + ref + "'");
      return ExitCodes.BAD_INPUT;
    }
    try (Workspace ws = workspace.open()) {
      RunRecord run = RunRefs.run(ws, ref);
      if (run == null) {
        return ExitCodes.BAD_INPUT;
      }
      String refusal = refusal(ws, run);
      if (refusal != null) {
        System.err.println("trainyard: " + refusal);
        return ExitCodes.BAD_INPUT;
      }
      Plan plan;
      try (RecordedSpec spec = RecordedSpec.of(ws, run)) {
        if (spec.note != null) {
          say("note: " + spec.note);
        }
        ComponentFiles.Recorded components = ComponentFiles.of(ws, run);
        components.changed().forEach(f -> say("note: component file " + f + " changed since run " + run.id()
            + "; using the version the run recorded"));
        Plans.Outcome o = Plans.make(spec.file, FlatJson.read(run.overrides()), dir, components.files());
        if (!o.ok()) {
          System.err.println("trainyard: cannot rerun " + run.id() + ": its recorded pipeline no longer plans:");
          return Plans.report(o, spec.file, output);
        }
        plan = o.plan();
      } catch (RecordedSpec.UnrecoverableException e) {
        System.err.println("trainyard: cannot rerun " + run.id() + ": " + e.getMessage());
        return ExitCodes.BAD_INPUT;
      }
      RerunPins.Result pins;
      try {
        pins = RerunPins.of(ws, run.id(), plan);
      } catch (RerunPins.MissingObjectException e) {
        System.err.println("trainyard: cannot rerun " + run.id() + " from its record: " + e.getMessage());
        return ExitCodes.BAD_INPUT;
      }
      pins.notes().forEach(n -> say("note: " + n));
      Reproducibility.Report report = execute(ws, run, plan, pins);
      RerunPrinter.print(report, output);
      return report.reproduced() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  /** Why {@code run} cannot be rerun now, or null. */
  private static String refusal(Workspace ws, RunRecord run) throws Exception {
    if (run.status().equals("running")) {
      boolean alive = run.ownerPid() != null && RunRecords.host().equals(run.ownerHost())
          && ProcessHandle.of(run.ownerPid()).map(ProcessHandle::isAlive).orElse(false);
      return alive ? "run " + run.id() + " is still running (process " + run.ownerPid() + "); rerun it once it has ended"
          : "run " + run.id() + " did not finish (its process is gone); 'trainyard resume " + run.id()
              + "' it first, then rerun it";
    }
    if (ws.runs().steps(run.id()).stream().noneMatch(StepRunRecord::isCompleted)) {
      return "run " + run.id() + " (" + run.status() + ") has no completed steps: there are no outputs to compare"
          + " a rerun with";
    }
    return null;
  }

  /** Runs the plan as a new run with reuse off and the pins on, and compares it with {@code run}. */
  private Reproducibility.Report execute(Workspace ws, RunRecord run, Plan plan, RerunPins.Result pins)
      throws Exception {
    Map<String, String> tags = RunRecords.tags(Path.of(run.specFile()));
    tags.put("trainyard.rerun_of", run.id());
    String components = ws.results().tags(run.id()).get(ComponentFiles.TAG);
    if (components != null) {
      tags.put(ComponentFiles.TAG, components); // the same files: a rerun of this rerun reads them too
    }
    RunStore.NewRun record = new RunStore.NewRun(RunRecords.newId(), run.experiment(), run.pipeline(), run.specFile(),
        run.specSha256(), run.overrides(), run.seed(), ProcessHandle.current().pid(), RunRecords.host(),
        plan.steps().stream().map(s -> s.name()).toList(), tags, RunCommand.params(plan));
    RunOptions options = new RunOptions(Runtime.getRuntime().availableProcessors(), run.seed(), true, 0, 1000,
        run.experiment()).withPins(pins.pins());
    Engine engine = new Engine(ws, new LocalExecutor(), new Progress(output, plan.steps().size()));
    Engine.RunOutcome result;
    try (Interrupts hook = Interrupts.cancelOn(engine)) {
      result = engine.run(plan, record, options);
      hook.finished();
    }
    return Reproducibility.compare(ws, run.id(), result);
  }

  private void say(String line) {
    if (!output.quiet && !output.json) {
      System.err.println(line);
    }
  }
}
