package dev.trainyard.cli;

import dev.trainyard.engine.BuildInfo;
import dev.trainyard.engine.Engine;
import dev.trainyard.engine.NameTemplate;
import dev.trainyard.engine.FlatJson;
import dev.trainyard.engine.LocalExecutor;
import dev.trainyard.engine.RunOptions;
import dev.trainyard.spec.plan.Plan;
import dev.trainyard.spec.plan.ResolvedInput;
import dev.trainyard.store.RunStore;
import dev.trainyard.store.Workspace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trainyard run FILE}: runs a pipeline on the local compute and records everything. */
@Command(name = "run", description = "Run a pipeline job locally, reusing unchanged steps.", mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Pipeline (or command job) YAML file.")
  Path file;

  @Option(names = "--set", paramLabel = "inputs.NAME=VALUE", description = "Override a pipeline input (repeatable).")
  List<String> sets = List.of();

  @Option(names = "--experiment", paramLabel = "NAME", description = "Experiment to file the run under.")
  String experiment;

  @Option(names = "--force-rerun", description = "Run every step, reusing nothing.")
  boolean forceRerun;

  @Option(names = "--concurrency", paramLabel = "N", description = "Steps running at once (default: cores).")
  Integer concurrency;

  @Option(names = "--seed", paramLabel = "N", description = "The run's seed; steps get TRAINYARD_SEED derived from it (default 0).")
  long seed;

  @Option(names = "--retries", paramLabel = "N", description = "Extra attempts for a failing step, with backoff (default 0).")
  int retries;

  @Option(names = "--name-template", paramLabel = "TEMPLATE", description = "Branch-aware names for the experiment,"
      + " pipeline and registered models, e.g. '{pipeline_type}_{base_name}_{branch}' (default: $TRAINYARD_NAME_TEMPLATE).")
  String nameTemplate;

  @Mixin OutputOptions output;
  @Mixin WorkspaceOption workspace;

  @Override
  public Integer call() throws Exception {
    Map<String, String> overrides = SetOptions.parse(sets);
    if (overrides == null) {
      return ExitCodes.BAD_INPUT;
    }
    if (concurrency != null && concurrency < 1 || retries < 0) {
      System.err.println("trainyard: --concurrency must be at least 1 and --retries not negative");
      return ExitCodes.BAD_INPUT;
    }
    NameTemplate names = RunRecords.nameTemplate(nameTemplate);
    if (names != null && names.unknownVariable() != null) {
      System.err.println("trainyard: --name-template: unknown variable {" + names.unknownVariable() + "}; use "
          + String.join(", ", NameTemplate.VARIABLES.stream().sorted().map(v -> "{" + v + "}").toList()));
      return ExitCodes.BAD_INPUT;
    }
    // The branch and commit come from one git process, asked while the file is planned.
    java.util.concurrent.CompletableFuture<BuildInfo> buildInfo = java.util.concurrent.CompletableFuture
        .supplyAsync(() -> BuildInfo.detect(file.toAbsolutePath().getParent()));
    EarlyWorkspace early = EarlyWorkspace.start(workspace.dir());
    Plans.Outcome o = Plans.make(file, overrides, workspace.dir());
    if (!o.ok()) {
      early.discard();
      return Plans.report(o, file, output);
    }
    Plan plan = o.plan();
    if (!output.quiet && !output.json) {
      o.warnings().forEach(d -> System.err.println(d.format()));
      plan.notes().forEach(n -> System.err.println("note: " + n));
    }
    RunOptions options = new RunOptions(concurrency != null ? concurrency : Runtime.getRuntime().availableProcessors(),
        seed, forceRerun, retries, 1000, experiment);
    try (Workspace ws = early.get()) {
      BuildInfo build = buildInfo.join();
      Map<String, String> tags = RunRecords.tags(file, build, names, plan);
      ComponentFiles.record(ws, o.files(), tags); // for a rerun, as they are now
      String exp = RunRecords.named(names, experiment != null ? experiment : RunRecords.experimentOf(plan, file), build, plan);
      RunStore.NewRun record = new RunStore.NewRun(RunRecords.newId(), exp,
          RunRecords.named(names, RunRecords.pipelineOf(plan, file), build, plan),
          file.toAbsolutePath().normalize().toString(), ws.objects().putFile(file).sha256(), FlatJson.write(overrides),
          seed, ProcessHandle.current().pid(), RunRecords.host(), plan.steps().stream().map(s -> s.name()).toList(),
          tags, params(plan));
      Progress progress = new Progress(output, plan.steps().size());
      Engine engine = new Engine(ws, new LocalExecutor(), progress);
      Engine.RunOutcome result;
      try (Interrupts hook = Interrupts.cancelOn(engine)) {
        result = engine.run(plan, record, options);
        hook.finished();
      }
      RunPrinter.print(result, output, ws);
      return result.status().equals("completed") ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  static Map<String, String> params(Plan plan) {
    Map<String, String> params = new LinkedHashMap<>();
    plan.inputs().forEach((k, v) -> params.put(k, PlanPrinter.describe(v)));
    plan.inputs().forEach((k, v) -> {
      if (v instanceof ResolvedInput.Value val) {
        params.put(k, String.valueOf(val.value()));
      }
    });
    return params;
  }
}
