package dev.trainyard.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The launcher's entry point for {@code trainyard lineage}. {@link Main}'s class initialisation and
 * verification load picocli's classes (Java 5 bytecode, never class-data shared); lineage's common
 * forms need none of them, so they start here and run without touching picocli. Anything else
 * (help, a mistake in the options) goes to {@link Main}, which answers as for every command. The
 * launcher gives lineage its own class-data-sharing archive, trained by {@link CdsTraining} on
 * this entry point.
 *
 * <p>A query is first offered to this build's {@link LineageDaemon}, which answers from a warm JVM;
 * when none answers, it runs here, and afterwards a daemon is started for the next query
 * ({@code TRAINYARD_DAEMON=0} turns both off).
 */
public final class LineageMain {
  private LineageMain() {}

  public static void main(String[] args) {
    compactLocaleData();
    LineageCommand cmd = LineageArgs.parse(args);
    if (cmd == null) {
      Main.main(args);
      return;
    }
    boolean daemon = LineageClient.enabled();
    Path address = daemon ? LineageClient.address() : null;
    Integer answered = LineageClient.tryRemote(address, args);
    if (answered != null) {
      System.exit(answered);
    }
    Warmup.startFor(args);
    StdoutBytes.processStdout = true;
    int code = call(cmd, System.err);
    if (address != null) {
      System.out.flush();
      LineageClient.spawn(address); // after the answer is out: the next query is served warm
    }
    System.exit(code);
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

  /** Runs a command whose arguments were read without picocli, reporting a bug to {@code err} as Main's handler would. */
  static int call(LineageCommand cmd, PrintStream err) {
    try {
      return cmd.call();
    } catch (Exception e) {
      err.println("trainyard: internal error: " + e);
      if (System.getenv("TRAINYARD_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return ExitCodes.FAILED;
    }
  }
}
