package dev.trainyard.cli;

import java.nio.file.Path;

/**
 * The common forms of {@code trainyard lineage} read without picocli. Picocli's classes are Java 5
 * bytecode, which class-data sharing cannot archive: loading and verifying them is ~60 ms of every
 * start, over half of lineage's target. Anything this does not recognise (help, version, unknown
 * options, a missing option value) goes to picocli's model in {@link FastLineage}, so help and
 * errors are picocli's as for every other command.
 */
final class LineageArgs {
  private LineageArgs() {}

  /** The command for {@code args} (starting with "lineage"), or null to let picocli parse them. */
  static LineageCommand parse(String[] args) {
    LineageCommand cmd = new LineageCommand();
    try {
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        String value = null;
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0) {
          value = a.substring(eq + 1);
          a = a.substring(0, eq);
        }
        boolean takesValue = a.equals("--file") || a.equals("--workspace");
        if (value != null && !takesValue) {
          return null; // --json=x and the like: picocli says what is wrong
        }
        if (takesValue && value == null) {
          if (i + 1 >= args.length) {
            return null;
          }
          value = args[++i];
        }
        switch (a) {
          case "--upstream" -> cmd.upstream = true;
          case "--downstream" -> cmd.downstream = true;
          case "--json" -> cmd.json = true;
          case "--dot" -> cmd.dot = true;
          case "--file" -> cmd.file = Path.of(value);
          case "--workspace" -> cmd.workspace = Path.of(value);
          default -> {
            if (a.startsWith("-") || cmd.ref != null) {
              return null;
            }
            cmd.ref = a;
          }
        }
      }
    } catch (java.nio.file.InvalidPathException e) {
      return null; // picocli reports the bad path
    }
    return cmd;
  }
}
