package dev.trainyard.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code trainyard run}, modelled with picocli's programmatic API instead of annotations, as
 * {@link FastValidate} does for validate: a fully reused re-run is a target (under a second), and
 * reading the annotations cost picocli ~100 ms of generated proxy classes cold. Same options, help
 * and errors as the annotated {@link RunCommand}, which does the work.
 */
final class FastRun {
  private FastRun() {}

  static CommandLine commandLine() {
    CommandSpec root = FastValidate.root();
    CommandSpec run = CommandSpec.create().name("run").versionProvider(new Version())
        .exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
    run.usageMessage().description("Run a pipeline job locally, reusing unchanged steps.");
    FastValidate.standard(run);
    run.addPositional(PositionalParamSpec.builder().paramLabel("FILE").arity("1").required(true).type(Path.class)
        .description("Pipeline (or command job) YAML file.").build());
    run.addOption(OptionSpec.builder("--set").paramLabel("inputs.NAME=VALUE").type(List.class)
        .auxiliaryTypes(String.class).description("Override a pipeline input (repeatable).").build());
    run.addOption(OptionSpec.builder("--experiment").paramLabel("NAME").type(String.class)
        .description("Experiment to file the run under.").build());
    run.addOption(OptionSpec.builder("--force-rerun").type(boolean.class).arity("0")
        .description("Run every step, reusing nothing.").build());
    run.addOption(OptionSpec.builder("--concurrency").paramLabel("N").type(Integer.class)
        .description("Steps running at once (default: cores).").build());
    run.addOption(OptionSpec.builder("--seed").paramLabel("N").type(long.class)
        .description("The run's seed; steps get TRAINYARD_SEED derived from it (default 0).").build());
    run.addOption(OptionSpec.builder("--retries").paramLabel("N").type(int.class)
        .description("Extra attempts for a failing step, with backoff (default 0).").build());
    run.addOption(OptionSpec.builder("--name-template").paramLabel("TEMPLATE").type(String.class)
        .description("Branch-aware names for the experiment, pipeline and registered models, e.g."
            + " '{pipeline_type}_{base_name}_{branch}' (default: $TRAINYARD_NAME_TEMPLATE).").build());
    run.addOption(OptionSpec.builder("--json").type(boolean.class).arity("0")
        .description("Print machine-readable JSON on stdout.").build());
    run.addOption(OptionSpec.builder("-q", "--quiet").type(boolean.class).arity("0")
        .description("Print only errors.").build());
    run.addOption(OptionSpec.builder("--workspace").paramLabel("DIR").type(Path.class)
        .description("Workspace folder (default: $TRAINYARD_HOME or ./.trainyard).").build());
    CommandLine cl = new CommandLine(root);
    cl.addSubcommand("run", new CommandLine(run));
    cl.setExecutionStrategy(FastRun::execute);
    return cl;
  }

  private static int execute(CommandLine.ParseResult parsed) {
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    CommandLine.ParseResult sub = parsed.subcommand();
    if (sub == null) {
      parsed.commandSpec().commandLine().usage(System.err);
      return ExitCodes.OK;
    }
    RunCommand cmd = new RunCommand();
    cmd.file = sub.matchedPositionalValue(0, null);
    cmd.sets = sub.matchedOptionValue("--set", List.of());
    cmd.experiment = sub.matchedOptionValue("--experiment", null);
    cmd.forceRerun = sub.matchedOptionValue("--force-rerun", false);
    cmd.concurrency = sub.matchedOptionValue("--concurrency", null);
    cmd.seed = sub.matchedOptionValue("--seed", 0L);
    cmd.retries = sub.matchedOptionValue("--retries", 0);
    cmd.nameTemplate = sub.matchedOptionValue("--name-template", null);
    cmd.output = new OutputOptions();
    cmd.output.json = sub.matchedOptionValue("--json", false);
    cmd.output.quiet = sub.matchedOptionValue("--quiet", false);
    cmd.workspace = new WorkspaceOption();
    cmd.workspace.workspace = sub.matchedOptionValue("--workspace", null);
    try {
      return cmd.call();
    } catch (Exception e) {
      throw new CommandLine.ExecutionException(sub.commandSpec().commandLine(), e.toString(), e);
    }
  }
}
