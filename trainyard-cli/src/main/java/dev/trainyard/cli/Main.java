package dev.trainyard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trainyard} command: one picocli subcommand per verb. */
@Command(
    name = "trainyard",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Reproducible ML pipelines; reads Azure ML CLI v2 pipeline YAML.",
    subcommands = {ValidateCommand.class, PlanCommand.class, RunCommand.class, ResumeCommand.class,
        RunsCommand.class, LogsCommand.class, ArtifactsCommand.class, CommandLine.HelpCommand.class},
    exitCodeOnInvalidInput = ExitCodes.BAD_INPUT)
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (used by tests). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
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
