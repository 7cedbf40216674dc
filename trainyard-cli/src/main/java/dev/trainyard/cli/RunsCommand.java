package dev.trainyard.cli;

import picocli.CommandLine.Command;

/** {@code trainyard runs list|show|why}: inspecting recorded runs. */
@Command(name = "runs", description = "List and inspect runs.", mixinStandardHelpOptions = true,
    subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsWhyCommand.class})
final class RunsCommand extends CommandGroup {}
