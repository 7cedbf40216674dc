package dev.trainyard.cli;

/**
 * The launcher's entry point for {@code trainyard lineage}. {@link Main}'s class initialisation and
 * verification load picocli's classes (Java 5 bytecode, never class-data shared); lineage's common
 * forms need none of them, so they start here and run without touching picocli. Anything else
 * (help, a mistake in the options) goes to {@link Main}, which answers as for every command.
 */
public final class LineageMain {
  private LineageMain() {}

  public static void main(String[] args) {
    Warmup.startFor(args);
    LineageCommand cmd = LineageArgs.parse(args);
    if (cmd == null) {
      Main.main(args);
      return;
    }
    System.exit(call(cmd));
  }

  /** Runs a command whose arguments were read without picocli, reporting a bug as Main's handler would. */
  static int call(LineageCommand cmd) {
    try {
      return cmd.call();
    } catch (Exception e) {
      System.err.println("trainyard: internal error: " + e);
      if (System.getenv("TRAINYARD_DEBUG") != null) {
        e.printStackTrace();
      }
      return ExitCodes.FAILED;
    }
  }
}
