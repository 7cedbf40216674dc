package dev.trainyard.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options {@code data create} and {@code model register} share, as the same flags with the same
 * help. {@code -f} and {@code --type} stay with each command: their help names the command's kind.
 */
final class RegisterOptions {
  @Option(names = "--name", paramLabel = "NAME") String name;
  @Option(names = "--version", paramLabel = "V", description = "Default: the next number.") String version;
  @Option(names = "--path", paramLabel = "PATH") Path path;
  @Option(names = "--description", paramLabel = "TEXT") String description;
  @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Repeatable.") List<String> tags = List.of();
}
