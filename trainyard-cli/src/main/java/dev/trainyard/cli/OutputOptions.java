package dev.trainyard.cli;

import picocli.CommandLine.Option;

/** Output options shared by subcommands. */
final class OutputOptions {
  @Option(names = "--json", description = "Print machine-readable JSON on stdout.")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
  boolean quiet;
}
