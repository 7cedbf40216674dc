package dev.trainyard.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} for commands whose own {@code --version} (an asset's version) keeps picocli
 * from adding its standard help options: picocli adds {@code -h} and {@code -V} together or not at
 * all, so without this such a command answered {@code --help} with "Unknown option".
 */
final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.") boolean help;
}
