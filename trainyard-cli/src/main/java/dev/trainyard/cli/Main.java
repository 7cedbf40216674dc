package dev.trainyard.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trainyard} command: one picocli subcommand per verb. */
@Command(
    name = "trainyard",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Reproducible ML pipelines; reads Azure ML CLI v2 pipeline YAML.",
    exitCodeOnInvalidInput = ExitCodes.BAD_INPUT)
public final class Main extends CommandGroup {
  public static void main(String[] args) {
    Warmup.startFor(args);
    System.exit(execute(args));
  }

  /** The top-level commands, made on demand (package-private for the help test). */
  static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("validate", ValidateCommand::new);
    SUBCOMMANDS.put("plan", PlanCommand::new);
    SUBCOMMANDS.put("run", RunCommand::new);
    SUBCOMMANDS.put("resume", ResumeCommand::new);
    SUBCOMMANDS.put("rerun", RerunCommand::new);
    SUBCOMMANDS.put("runs", RunsCommand::new);
    SUBCOMMANDS.put("logs", LogsCommand::new);
    SUBCOMMANDS.put("artifacts", ArtifactsCommand::new);
    SUBCOMMANDS.put("data", DataCommand::new);
    SUBCOMMANDS.put("model", ModelCommand::new);
    SUBCOMMANDS.put("component", ComponentCommand::new);
    SUBCOMMANDS.put("lineage", FastLineage::spec);
    SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
  }

  /** Runs the CLI and returns its exit code (used by tests). */
  public static int execute(String... args) {
    // validate and run are modelled programmatically (start-up targets); the rest by annotations.
    boolean validate = args.length > 0 && args[0].equals("validate");
    boolean run = args.length > 0 && args[0].equals("run");
    boolean lineage = args.length > 0 && args[0].equals("lineage");
    LineageCommand common = lineage ? LineageArgs.parse(args) : null;
    if (common != null) {
      return LineageMain.call(common, System.err); // lineage's usual forms, read without picocli
    }
    CommandLine cl = validate ? FastValidate.commandLine() : run ? FastRun.commandLine()
        : lineage ? FastLineage.commandLine() : new CommandLine(new Main());
    // Only the subcommand being called is modelled (picocli reflects over each one it is given,
    // which is start-up time); help, usage and mistyped names get them all.
    String first = args.length > 0 ? args[0] : null;
    if (validate || run || lineage) {
      // already modelled
    } else if (first != null && SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
      cl.addSubcommand(first, SUBCOMMANDS.get(first).get());
    } else {
      SUBCOMMANDS.forEach((name, make) -> cl.addSubcommand(name, make.get()));
    }
    cl.setParameterExceptionHandler(new ShortErrors());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      // Bad input never gets here (commands report it themselves); this is a bug, say so briefly.
      cmd.getErr().println("trainyard: internal error: " + ex);
      if (System.getenv("TRAINYARD_DEBUG") != null) {
        ex.printStackTrace(cmd.getErr());
      }
      return ExitCodes.FAILED;
    });
    return cl.execute(args);
  }
}
