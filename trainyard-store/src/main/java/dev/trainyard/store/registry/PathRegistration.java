package dev.trainyard.store.registry;

import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/**
 * Registers a local file or folder as a data asset or model version: names and type checked
 * first, an existing version compared by hash before anything is stored, then the content stored
 * (copied, hashed, fsynced) and the version recorded in one transaction. A refused request leaves
 * the workspace as it was.
 */
public final class PathRegistration {
  private PathRegistration() {}

  /** What to register. */
  public record Request(AssetKind kind, String name, String version, String type, Path path, String description,
      Map<String, String> tags) {}

  public static Registries.Registered register(Workspace ws, Request r)
      throws RegistryException, IOException, SQLException {
    Names.check(r.kind().noun() + " name", r.name());
    if (r.version() != null) {
      Names.check("version", r.version());
    }
    for (String k : r.tags().keySet()) {
      Names.check("tag key", k);
    }
    String type = AssetImports.type(r.kind(), r.type(), r.path());
    AssetImports.checkPath(r.path(), type);
    if (r.version() != null) {
      AssetRecord existing = ws.registries().find(r.kind(), r.name(), r.version(), null);
      if (existing != null) {
        String sha = ContentHash.of(r.path());
        if (!sha.equals(existing.sha256())) {
          throw new RegistryException(r.kind().noun() + " " + existing.ref() + " already exists with other content ("
              + existing.sha256().substring(0, 12) + " registered, " + sha.substring(0, 12) + " given); versions are"
              + " immutable: register a new version, or omit --version to take the next number");
        }
        return new Registries.Registered(existing, false);
      }
    }
    StoredObject content = AssetImports.storePath(ws, r.path(), type);
    Registries.Registered done = ws.registries().register(new NewAsset(r.kind(), r.name(), r.version(), type, content,
        null, r.description(), r.tags(), r.path().toAbsolutePath().normalize().toString(), null, null,
        Provenance.ofPath(r.path())));
    // Indexed now, so that `lineage --file` finds the new folder's files without a backlog.
    ws.treeIndex().catchUp();
    return done;
  }
}
