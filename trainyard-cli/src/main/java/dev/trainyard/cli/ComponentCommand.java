package dev.trainyard.cli;

import dev.trainyard.engine.ComponentBundle;
import dev.trainyard.spec.Component;
import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.store.Workspace;
import dev.trainyard.store.registry.AssetKind;
import dev.trainyard.store.registry.Names;
import dev.trainyard.store.registry.NewAsset;
import dev.trainyard.store.registry.Provenance;
import dev.trainyard.store.registry.RegistryException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trainyard component create|list|show}: versioned components with a snapshot of their code. */
@Command(name = "component", description = "Versioned components.", mixinStandardHelpOptions = true,
    subcommands = {ComponentCommand.Create.class, ComponentCommand.ListVersions.class, ComponentCommand.Show.class})
final class ComponentCommand extends AssetSubcommands.Group {
  ComponentCommand() {
    super(AssetKind.COMPONENT);
  }

  @Command(name = "create", description = "Register a component YAML and a snapshot of its code; pipelines then"
      + " refer to it as azureml:NAME:VERSION or azureml:NAME@latest.")
  static final class Create implements Callable<Integer> {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true) Path file;
    @Option(names = "--version", paramLabel = "V", description = "Overrides the file's version; default: the next number.")
    String version;
    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Repeatable.") List<String> tags = List.of();
    @Mixin HelpOption help;
    @Mixin OutputOptions output;
    @Mixin WorkspaceOption workspace;

    @Override
    public Integer call() throws Exception {
      try {
        var tagMap = AssetViews.tags(tags);
        SpecLoader.Result r;
        try (var registry = Workspaces.registry(workspace.dir())) {
          r = new SpecLoader(registry).loadComponent(file);
        }
        if (!r.valid()) {
          r.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> System.err.println(d.format()));
          return ExitCodes.BAD_INPUT;
        }
        if (!(r.document() instanceof Component c) || c instanceof Component.Unsupported) {
          throw new RegistryException(file + ": this is a " + r.document().kindName() + ", not a component"
              + " Trainyard can run (command, parallel, spark or pipeline)");
        }
        if (c.meta().name() == null) {
          throw new RegistryException(file + ": the component has no 'name'");
        }
        Names.check("component name", c.meta().name());
        String v = version != null ? version : c.meta().version();
        if (v != null) {
          Names.check("version", v);
        }
        try (Workspace ws = workspace.open()) {
          ComponentBundle b = ComponentBundle.store(ws.objects(), ws.root(), c);
          return Registering.register(ws, new NewAsset(AssetKind.COMPONENT, c.meta().name(), v,
              c.kind().yamlName(), b.tree(), b.entry(), c.meta().description(), tagMap,
              file.toAbsolutePath().normalize().toString(), null, null, Provenance.ofPath(file)), output);
        }
      } catch (RegistryException e) {
        return Registering.fail(e);
      }
    }
  }

  @Command(name = "list", description = "List component versions, newest first.", mixinStandardHelpOptions = true)
  static final class ListVersions extends AssetSubcommands.ListVersions {}

  @Command(name = "show", description = "Show a version: NAME:VERSION, NAME@latest or NAME.", mixinStandardHelpOptions = true)
  static final class Show extends AssetSubcommands.Show {}
}
