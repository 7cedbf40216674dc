package dev.trainyard.cli;

import dev.trainyard.store.registry.AssetKind;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trainyard data create|list|show|download}: versioned, immutable data assets. */
@Command(name = "data", description = "Versioned data assets.", mixinStandardHelpOptions = true,
    subcommands = {DataCommand.Create.class, DataCommand.ListVersions.class, DataCommand.Show.class,
        DataCommand.Download.class})
final class DataCommand extends AssetSubcommands.Group {
  DataCommand() {
    super(AssetKind.DATA);
  }

  @Command(name = "create", description = "Register a file or folder as a data asset version.")
  static final class Create implements Callable<Integer> {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "An Azure data asset YAML.") Path file;
    @Option(names = "--type", paramLabel = "TYPE", description = "uri_folder, uri_file or mltable (default: from the path).")
    String type;
    @Mixin RegisterOptions asset;
    @Mixin HelpOption help;
    @Mixin OutputOptions output;
    @Mixin WorkspaceOption workspace;

    @Override
    public Integer call() throws Exception {
      return Registering.run(workspace, output, AssetKind.DATA, file, type, asset);
    }
  }

  @Command(name = "list", description = "List data asset versions, newest first.", mixinStandardHelpOptions = true)
  static final class ListVersions extends AssetSubcommands.ListVersions {}

  @Command(name = "show", description = "Show a version: NAME:VERSION, NAME@latest or NAME.", mixinStandardHelpOptions = true)
  static final class Show extends AssetSubcommands.Show {}

  @Command(name = "download", description = "Copy a version's files into DIR (verified by hash).",
      mixinStandardHelpOptions = true)
  static final class Download extends AssetSubcommands.Download {}
}
