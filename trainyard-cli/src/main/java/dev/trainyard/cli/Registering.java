package dev.trainyard.cli;

import dev.trainyard.store.Workspace;
import dev.trainyard.store.registry.AssetKind;
import dev.trainyard.store.registry.AssetRecord;
import dev.trainyard.store.registry.NewAsset;
import dev.trainyard.store.registry.PathRegistration;
import dev.trainyard.store.registry.Registries;
import dev.trainyard.store.registry.RegistryException;
import java.nio.file.Path;
import java.util.List;

/** The bodies of {@code data} and {@code model} subcommands, which differ only in the kind. */
final class Registering {
  private Registering() {}

  /** {@code data create} and {@code model register} from {@code -f FILE} or {@code --path}. */
  static int run(WorkspaceOption workspace, OutputOptions output, AssetKind kind, Path file, String type,
      RegisterOptions o) throws Exception {
    try {
      PathRegistration.Request req;
      if (file != null) {
        if (o.path != null) {
          throw new RegistryException("give either -f FILE or --path, not both");
        }
        req = AssetFiles.read(file, kind, o.name, o.version, type, o.description, AssetViews.tags(o.tags));
        if (req == null) {
          return ExitCodes.BAD_INPUT;
        }
      } else {
        if (o.name == null || o.path == null) {
          throw new RegistryException("--name and --path are required (or -f FILE)");
        }
        req = new PathRegistration.Request(kind, o.name, o.version, type, o.path, o.description,
            AssetViews.tags(o.tags));
      }
      try (Workspace ws = workspace.open()) {
        Registries.Registered r = PathRegistration.register(ws, req);
        report(ws, r, output);
        return ExitCodes.OK;
      }
    } catch (RegistryException e) {
      return fail(e);
    }
  }

  /** Registers {@code asset} and reports it as every registering command does. */
  static int register(Workspace ws, NewAsset asset, OutputOptions output) throws Exception {
    report(ws, ws.registries().register(asset), output);
    return ExitCodes.OK;
  }

  static void report(Workspace ws, Registries.Registered r, OutputOptions output) throws Exception {
    if (output.json) {
      AssetViews.printOne(ws, r.asset(), true);
    } else if (!output.quiet) {
      System.out.println(r.asset().kind().noun() + " " + r.asset().ref() + (r.created() ? " registered" :
          " unchanged: this version already holds the same content") + " (sha256:" + r.asset().sha256().substring(0, 12)
          + ")");
    }
  }

  static int list(WorkspaceOption workspace, OutputOptions output, AssetKind kind, String name, List<String> tags)
      throws Exception {
    try (Workspace ws = workspace.open()) {
      AssetViews.printList(ws.registries().list(kind, name, AssetViews.tags(tags)), output.json);
      return ExitCodes.OK;
    } catch (RegistryException e) {
      return fail(e);
    }
  }

  static int show(WorkspaceOption workspace, OutputOptions output, AssetKind kind, String ref) throws Exception {
    try (Workspace ws = workspace.open()) {
      AssetRecord a = AssetViews.resolve(ws, kind, ref);
      AssetViews.printOne(ws, a, output.json);
      return ExitCodes.OK;
    } catch (RegistryException e) {
      return fail(e);
    }
  }

  static int download(WorkspaceOption workspace, AssetKind kind, String ref, Path dir) throws Exception {
    try (Workspace ws = workspace.open()) {
      AssetViews.download(ws, AssetViews.resolve(ws, kind, ref), dir);
      return ExitCodes.OK;
    } catch (RegistryException e) {
      return fail(e);
    }
  }

  static int fail(RegistryException e) {
    System.err.println("trainyard: " + e.getMessage());
    return ExitCodes.BAD_INPUT;
  }
}
