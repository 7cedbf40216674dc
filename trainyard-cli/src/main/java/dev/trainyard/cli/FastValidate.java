package dev.trainyard.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code trainyard validate}, modelled with picocli's programmatic API instead of annotations.
 * Validate runs in editors, pre-commit hooks and CI on every change, so its start-up is a target;
 * reading annotations costs picocli a generated proxy class per annotation type, about 60 ms of a
 * ~300 ms start. Same options, help and errors as the annotated {@link ValidateCommand}.
 */
final class FastValidate {
  private FastValidate() {}

  static CommandLine commandLine() {
    CommandSpec root = root();
    CommandSpec validate = CommandSpec.create().name("validate").versionProvider(new Version())
        .exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
    validate.usageMessage().description("Check pipeline, component and asset YAML files.");
    standard(validate);
    validate.addOption(OptionSpec.builder("--json").type(boolean.class).arity("0")
        .description("Print machine-readable JSON on stdout.").build());
    validate.addOption(OptionSpec.builder("-q", "--quiet").type(boolean.class).arity("0")
        .description("Print only errors.").build());
    validate.addOption(OptionSpec.builder("--workspace").paramLabel("DIR").type(Path.class)
        .description("Workspace whose registries azureml:NAME:VERSION references resolve against"
            + " (default: $TRAINYARD_HOME or ./.trainyard).").build());
    validate.addPositional(PositionalParamSpec.builder().paramLabel("FILE").arity("1..*").required(true).type(List.class)
        .auxiliaryTypes(Path.class).description("YAML files to check.").build());
    CommandLine cl = new CommandLine(root);
    cl.addSubcommand("validate", new CommandLine(validate));
    cl.setExecutionStrategy(FastValidate::execute);
    return cl;
  }

  /** The top-level {@code trainyard} command, for a programmatic model of one subcommand. */
  static CommandSpec root() {
    CommandSpec root = CommandSpec.create().name("trainyard").versionProvider(new Version())
        .exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
    root.usageMessage().description("Reproducible ML pipelines; reads Azure ML CLI v2 pipeline YAML.");
    standard(root);
    return root;
  }

  static void standard(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.")
        .build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
  }

  private static int execute(CommandLine.ParseResult parsed) {
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    CommandLine.ParseResult sub = parsed.subcommand();
    ValidateCommand cmd = new ValidateCommand();
    cmd.output = new OutputOptions();
    cmd.output.json = sub.matchedOptionValue("--json", false);
    cmd.output.quiet = sub.matchedOptionValue("--quiet", false);
    cmd.files = sub.matchedPositionalValue(0, List.of());
    cmd.workspace = sub.matchedOptionValue("--workspace", null);
    return cmd.call();
  }
}
