package dev.trainyard.cli;

import picocli.CommandLine;

/**
 * A command that only groups subcommands ({@code data}, {@code runs}, ...): called bare, it prints
 * its usage to stderr, as a mistyped command would, and the subcommand list is the useful answer.
 */
abstract class CommandGroup implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
