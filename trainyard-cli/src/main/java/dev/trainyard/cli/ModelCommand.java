package dev.trainyard.cli;

import dev.trainyard.store.Workspace;
import dev.trainyard.store.registry.AssetImports;
import dev.trainyard.store.registry.AssetKind;
import dev.trainyard.store.registry.AssetRecord;
import dev.trainyard.store.registry.Names;
import dev.trainyard.store.registry.NewAsset;
import dev.trainyard.store.registry.Provenance;
import dev.trainyard.store.registry.RegistryException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trainyard model register|list|show|download|alias}: versioned models with aliases and provenance. */
@Command(name = "model", description = "Versioned models.", mixinStandardHelpOptions = true,
    subcommands = {ModelCommand.Register.class, ModelCommand.ListVersions.class, ModelCommand.Show.class,
        ModelCommand.Download.class, ModelCommand.Alias.class})
final class ModelCommand extends AssetSubcommands.Group {
  ModelCommand() {
    super(AssetKind.MODEL);
  }

  @Command(name = "register", description = "Register a model version from a path, a run's output, or a model YAML.")
  static final class Register implements Callable<Integer> {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "An Azure model YAML.") Path file;
    @Option(names = "--from", paramLabel = "RUN:STEP:OUTPUT", description = "A stored step output.") String from;
    @Option(names = "--type", paramLabel = "TYPE", description = "custom_model (default), mlflow_model or triton_model.")
    String type;
    @Mixin RegisterOptions asset;
    @Mixin HelpOption help;
    @Mixin OutputOptions output;
    @Mixin WorkspaceOption workspace;

    @Override
    public Integer call() throws Exception {
      if (from == null) {
        return Registering.run(workspace, output, AssetKind.MODEL, file, type, asset);
      }
      try {
        if (file != null || asset.path != null) {
          throw new RegistryException("give one of --from, --path or -f FILE");
        }
        if (asset.name == null) {
          throw new RegistryException("--name is required with --from");
        }
        Names.check("model name", asset.name);
        if (asset.version != null) {
          Names.check("version", asset.version);
        }
        String t = AssetImports.type(AssetKind.MODEL, type, null);
        var tagMap = AssetViews.tags(asset.tags);
        try (Workspace ws = workspace.open()) {
          AssetImports.StepOutput out = AssetImports.stepOutput(ws, from);
          return Registering.register(ws, new NewAsset(AssetKind.MODEL, asset.name, asset.version, t, out.content(),
              null, asset.description, tagMap, out.source(), out.run().id(), out.step().id(),
              Provenance.ofStepOutput(ws, out.run(), out.step(), out.output())), output);
        }
      } catch (RegistryException e) {
        return Registering.fail(e);
      }
    }
  }

  @Command(name = "list", description = "List model versions, newest first.", mixinStandardHelpOptions = true)
  static final class ListVersions extends AssetSubcommands.ListVersions {}

  @Command(name = "show", description = "Show a version with its metrics and provenance: NAME:VERSION, NAME@ALIAS, NAME.",
      mixinStandardHelpOptions = true)
  static final class Show extends AssetSubcommands.Show {}

  @Command(name = "download", description = "Copy a version's files into DIR (verified by hash).",
      mixinStandardHelpOptions = true)
  static final class Download extends AssetSubcommands.Download {}

  @Command(name = "alias", description = "Point ALIAS of model NAME at VERSION (refer to it as NAME@ALIAS).",
      mixinStandardHelpOptions = true)
  static final class Alias implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Parameters(index = "1", paramLabel = "ALIAS") String alias;
    @Parameters(index = "2", paramLabel = "VERSION") String version;
    @Mixin OutputOptions output;
    @Mixin WorkspaceOption workspace;

    @Override
    public Integer call() throws Exception {
      try (Workspace ws = workspace.open()) {
        AssetRecord before = ws.registries().find(AssetKind.MODEL, name, null, alias);
        AssetRecord a = ws.registries().alias(AssetKind.MODEL, name, alias, version);
        if (output.json) {
          AssetViews.printOne(ws, a, true);
        } else if (!output.quiet) {
          System.out.println("model " + name + "@" + alias + " -> " + a.version()
              + (before != null && !before.version().equals(a.version()) ? " (was " + before.version() + ")" : ""));
        }
        return ExitCodes.OK;
      } catch (RegistryException e) {
        return Registering.fail(e);
      }
    }
  }
}
