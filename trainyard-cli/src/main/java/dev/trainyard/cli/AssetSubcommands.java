package dev.trainyard.cli;

import dev.trainyard.store.registry.AssetKind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The {@code list}, {@code show} and {@code download} subcommands shared by {@code data},
 * {@code model} and {@code component}: each group subclasses them with its own {@code @Command}
 * text (picocli reads the options from these fields), and they take their kind from the group.
 */
final class AssetSubcommands {
  private AssetSubcommands() {}

  /** {@code data}, {@code model} or {@code component}: a group of subcommands on one kind of asset. */
  abstract static class Group extends CommandGroup {
    private final AssetKind kind;

    Group(AssetKind kind) {
      this.kind = kind;
    }

    AssetKind kind() {
      return kind;
    }
  }

  /**
   * A subcommand of a {@link Group}; picocli sets the group before calling it, so the kind is named
   * once per group rather than once per subcommand.
   */
  abstract static class OfGroup {
    @ParentCommand Group group;

    AssetKind kind() {
      return group.kind();
    }
  }

  /** {@code list [--name N] [--tag k=v]... [--json]}. */
  abstract static class ListVersions extends OfGroup implements Callable<Integer> {
    @Option(names = "--name", paramLabel = "NAME") String name;
    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Only versions with this tag (repeatable).")
    List<String> tags = List.of();
    @Mixin OutputOptions output;
    @Mixin WorkspaceOption workspace;

    @Override
    public Integer call() throws Exception {
      return Registering.list(workspace, output, kind(), name, tags);
    }
  }

  /** {@code show REF [--json]}. */
  abstract static class Show extends OfGroup implements Callable<Integer> {
    @Parameters(paramLabel = "REF") String ref;
    @Mixin OutputOptions output;
    @Mixin WorkspaceOption workspace;

    @Override
    public Integer call() throws Exception {
      return Registering.show(workspace, output, kind(), ref);
    }
  }

  /** {@code download REF DIR}. */
  abstract static class Download extends OfGroup implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "REF") String ref;
    @Parameters(index = "1", paramLabel = "DIR") Path dir;
    @Mixin WorkspaceOption workspace;

    @Override
    public Integer call() throws Exception {
      return Registering.download(workspace, kind(), ref, dir);
    }
  }
}
