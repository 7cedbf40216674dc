package dev.trainyard.cli;

import dev.trainyard.engine.Engine;
import dev.trainyard.engine.FlatJson;
import dev.trainyard.engine.LocalExecutor;
import dev.trainyard.engine.RunOptions;
import dev.trainyard.store.RunRecord;
import dev.trainyard.store.Workspace;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trainyard resume RUN}: continues a failed or canceled run, or one whose {@code trainyard}
 * process was killed: leftover step processes are ended, completed steps are kept, the rest run.
 */
@Command(name = "resume", description = "Continue a failed, canceled or killed run.", mixinStandardHelpOptions = true)
final class ResumeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN", description = "Run id, unique prefix, or 'latest'.") String ref;
  @Option(names = "--concurrency", paramLabel = "N") Integer concurrency;
  @Option(names = "--retries", paramLabel = "N") int retries;
  @Mixin OutputOptions output;
  @Mixin WorkspaceOption workspace;

  @Override
  public Integer call() throws Exception {
    try (Workspace ws = workspace.open()) {
      RunRecord run = RunRefs.run(ws, ref);
      if (run == null) {
        return ExitCodes.BAD_INPUT;
      }
      if (run.status().equals("completed")) {
        System.err.println("trainyard: run " + run.id() + " already completed; nothing to resume");
        return ExitCodes.BAD_INPUT;
      }
      if (run.status().equals("running") && run.ownerPid() != null && RunRecords.host().equals(run.ownerHost())
          && ProcessHandle.of(run.ownerPid()).map(ProcessHandle::isAlive).orElse(false)) {
        System.err.println("trainyard: run " + run.id() + " is still running in process " + run.ownerPid());
        return ExitCodes.BAD_INPUT;
      }
      String rerunOf = ws.results().tags(run.id()).get("trainyard.rerun_of");
      if (rerunOf != null) {
        // Resuming would take code and data from disk, not the original's record, under its rerun tag.
        System.err.println("trainyard: run " + run.id() + " is a rerun of " + rerunOf + "; check it again with"
            + " 'trainyard rerun " + rerunOf + "'");
        return ExitCodes.BAD_INPUT;
      }
      Path file = Path.of(run.specFile());
      Map<String, String> overrides = FlatJson.read(run.overrides());
      Plans.Outcome o = Plans.make(file, overrides, workspace.dir());
      if (!o.ok()) {
        System.err.println("trainyard: the run's pipeline " + file + " no longer plans:");
        return Plans.report(o, file, output);
      }
      RunOptions options = new RunOptions(concurrency != null ? Math.max(1, concurrency)
          : Runtime.getRuntime().availableProcessors(), run.seed(), false, Math.max(0, retries), 1000, run.experiment());
      Engine engine = new Engine(ws, new LocalExecutor(), new Progress(output, o.plan().steps().size()));
      Engine.RunOutcome result;
      try (Interrupts hook = Interrupts.cancelOn(engine)) {
        result = engine.resume(o.plan(), run.id(), options);
        hook.finished();
      }
      RunPrinter.print(result, output, ws);
      return result.status().equals("completed") ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}
