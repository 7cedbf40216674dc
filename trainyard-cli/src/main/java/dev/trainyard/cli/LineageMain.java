package dev.trainyard.cli;

/**
 * The launcher's entry point for {@code trainyard lineage}. {@link Main}'s class initialisation and
 * verification load picocli's classes (Java 5 bytecode, never class-data shared); lineage's common
 * forms need none of them, so they start here and run without touching picocli. Anything else
 * (help, a mistake in the options) goes to {@link Main}, which answers as for every command. The
 * launcher gives lineage its own class-data-sharing archive, trained by {@link CdsTraining} on
 * this entry point.
 */
public final class LineageMain {
  private LineageMain() {}

  public static void main(String[] args) {
    compactLocaleData();
    Warmup.startFor(args);
    LineageCommand cmd = LineageArgs.parse(args);
    if (cmd == null) {
      Main.main(args);
      return;
    }
    System.exit(call(cmd));
  }

  /**
   * The SQLite driver builds a date format as it connects (see Warmup): with the JDK's default
   * CLDR locale data that is ~15 ms of locale and calendar set-up, with the older built-in (COMPAT)
   * data a third of that. Lineage formats no dates or numbers by locale, so its output is the same
   * either way. Java 21 deprecates COMPAT (with a warning), so there the default stays.
   */
  static void compactLocaleData() {
    if (Runtime.version().feature() < 21 && System.getProperty("java.locale.providers") == null) {
      System.setProperty("java.locale.providers", "COMPAT");
    }
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
