package dev.trainyard.store.registry;

import dev.trainyard.spec.Reference;
import dev.trainyard.spec.registry.Registry;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The spec layer's {@link Registry} over a workspace folder. The workspace is opened on the first
 * lookup only, and a folder that holds no workspace yet answers "not registered" without creating
 * one, so validating or planning a file with no registered references never touches the store.
 * A registered component is materialised once, read-only, under {@code registry/components/SHA/}
 * (its YAML with its code beside it, as registered), and loaded from there.
 */
public final class WorkspaceRegistry implements Registry, AutoCloseable {
  private final Path dir;
  private Workspace ws;
  private boolean opened;
  private boolean owned = true;

  public WorkspaceRegistry(Path dir) {
    this.dir = dir;
  }

  /** A registry over an already open workspace (not closed by {@link #close}). */
  public static WorkspaceRegistry over(Workspace ws) {
    WorkspaceRegistry r = new WorkspaceRegistry(ws.root());
    r.ws = ws;
    r.opened = true;
    r.owned = false;
    return r;
  }

  private Workspace workspace() {
    if (!opened) {
      opened = true;
      if (Files.isRegularFile(dir.resolve("trainyard.db"))) {
        try {
          ws = Workspace.open(dir);
        } catch (IOException | SQLException e) {
          throw new IllegalStateException("cannot open the workspace " + dir + ": " + e.getMessage(), e);
        }
      }
    }
    return ws;
  }

  @Override
  public Optional<Path> findComponent(Reference.Registered ref) {
    Workspace w = workspace();
    if (w == null) {
      return Optional.empty();
    }
    try {
      AssetRecord a = w.registries().find(AssetKind.COMPONENT, ref.name(), ref.version(), ref.label());
      if (a == null) {
        return Optional.empty();
      }
      return Optional.of(materialize(w, a).resolve(a.entry()));
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot read component " + ref.display() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Asset> findAsset(Reference.Registered ref, boolean model) {
    Workspace w = workspace();
    if (w == null) {
      return Optional.empty();
    }
    try {
      AssetRecord a = w.registries().find(model ? AssetKind.MODEL : AssetKind.DATA, ref.name(), ref.version(),
          ref.label());
      return Optional.ofNullable(a).map(r -> new Asset(r.name(), r.version(), r.type(), r.sha256()));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the registry: " + e.getMessage(), e);
    }
  }

  /** The component's folder, materialised (verified) on first use into a temp folder then renamed. */
  static Path materialize(Workspace w, AssetRecord a) throws IOException {
    Path target = w.root().resolve("registry").resolve("components").resolve(a.sha256());
    if (Files.isDirectory(target)) {
      return target;
    }
    Path tmp = target.resolveSibling(a.sha256() + "." + UUID.randomUUID() + ".part");
    w.objects().materializeTree(a.sha256(), tmp);
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
      // Another process got there first with the same content.
    }
    return target;
  }

  @Override
  public void close() throws SQLException {
    if (ws != null && owned) {
      ws.close();
    }
  }
}
