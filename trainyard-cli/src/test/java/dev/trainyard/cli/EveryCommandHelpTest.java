package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command and subcommand answers {@code --help} with its usage and exit code 0: a command
 * whose own options clash with picocli's standard ones loses them silently (picocli adds {@code -h}
 * and {@code -V} together or not at all), so this walks the whole tree rather than trusting each.
 */
class EveryCommandHelpTest {
  @Test
  void everyCommandAnswersHelp() {
    CommandLine root = new CommandLine(new Main());
    Main.SUBCOMMANDS.forEach((name, make) -> root.addSubcommand(name, make.get()));
    List<List<String>> paths = new ArrayList<>();
    collect(root, new ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(20);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CliRunner.Outcome r = CliRunner.run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
      assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: trainyard " + String.join(" ", path));
    }
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
    for (var e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      List<String> p = new ArrayList<>(path);
      p.add(e.getKey());
      out.add(p);
      collect(e.getValue(), p, out);
    }
  }
}
