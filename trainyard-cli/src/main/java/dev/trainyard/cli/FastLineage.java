package dev.trainyard.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code trainyard lineage}, modelled with picocli's programmatic API like {@link FastValidate}:
 * lineage answers questions at a prompt and in audit scripts that call it many times, so its
 * start-up is a target (under 100 ms after JVM start), and annotation processing would be most
 * of that.
 */
final class FastLineage {
  private FastLineage() {}

  static CommandLine commandLine() {
    CommandSpec root = CommandSpec.create().name("trainyard").versionProvider(new Version())
        .exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
    root.usageMessage().description("Reproducible ML pipelines; reads Azure ML CLI v2 pipeline YAML.");
    standard(root);
    CommandLine cl = new CommandLine(root);
    cl.addSubcommand("lineage", new CommandLine(spec()));
    cl.setExecutionStrategy(FastLineage::execute);
    return cl;
  }

  /** The {@code lineage} subcommand's model (also listed by {@code trainyard --help}). */
  static CommandSpec spec() {
    CommandSpec lineage = CommandSpec.create().name("lineage").versionProvider(new Version())
        .exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
    lineage.usageMessage().description(
        "What produced REF (upstream) and what was derived from it (downstream); both by default.",
        "REF: model:N:V, model:N@alias, data:N:V, data:N@latest, N:V when unambiguous, a run (id, unique"
            + " prefix, 'latest'), RUN:STEP, or an artifact's SHA-256 (or a unique prefix of 8+ hex digits).",
        "--file PATH: every data asset, run and model that used the content of PATH (a file, or each file"
            + " of a folder), directly, inside a folder or inside a step's code, and everything derived from them.",
        "Queries are answered by a background lineage daemon once one runs (started by the first query;"
            + " it leaves after 10 idle minutes); TRAINYARD_DAEMON=0 keeps each query in its own process.");
    standard(lineage);
    lineage.addOption(flag("--upstream", "Only what produced REF."));
    lineage.addOption(flag("--downstream", "Only what was derived from REF."));
    lineage.addOption(flag("--json", "Print the graph as JSON: nodes and edges with kinds and ids."));
    lineage.addOption(flag("--dot", "Print the graph in Graphviz DOT (pipe to 'dot -Tsvg')."));
    lineage.addOption(OptionSpec.builder("--file").paramLabel("PATH").type(Path.class)
        .description("Find what used this file's content (or each file's of a folder).").build());
    lineage.addOption(OptionSpec.builder("--workspace").paramLabel("DIR").type(Path.class)
        .description("Workspace folder (default: $TRAINYARD_HOME or ./.trainyard).").build());
    lineage.addPositional(PositionalParamSpec.builder().paramLabel("REF").arity("0..1").type(String.class)
        .description("What to trace (see above).").build());
    return lineage;
  }

  private static void standard(CommandSpec s) {
    s.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.")
        .build());
    s.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
  }

  private static OptionSpec flag(String name, String description) {
    return OptionSpec.builder(name).type(boolean.class).arity("0").description(description).build();
  }

  private static int execute(CommandLine.ParseResult parsed) {
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    CommandLine.ParseResult sub = parsed.subcommand();
    if (sub == null) {
      parsed.commandSpec().commandLine().usage(System.err);
      return ExitCodes.BAD_INPUT;
    }
    LineageCommand cmd = new LineageCommand();
    cmd.upstream = sub.matchedOptionValue("--upstream", false);
    cmd.downstream = sub.matchedOptionValue("--downstream", false);
    cmd.json = sub.matchedOptionValue("--json", false);
    cmd.dot = sub.matchedOptionValue("--dot", false);
    cmd.file = sub.matchedOptionValue("--file", null);
    cmd.workspace = sub.matchedOptionValue("--workspace", null);
    cmd.ref = sub.matchedPositionalValue(0, null);
    try {
      return cmd.call();
    } catch (Exception e) {
      throw new CommandLine.ExecutionException(sub.commandSpec().commandLine(), e.toString(), e);
    }
  }
}
