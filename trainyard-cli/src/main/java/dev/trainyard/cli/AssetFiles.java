package dev.trainyard.cli;

import dev.trainyard.spec.DataAssetSpec;
import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.Meta;
import dev.trainyard.spec.ModelSpec;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.SpecDocument;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.store.registry.AssetKind;
import dev.trainyard.store.registry.PathRegistration;
import dev.trainyard.store.registry.RegistryException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an Azure data asset or model YAML ({@code -f FILE}) into a registration request. */
final class AssetFiles {
  private AssetFiles() {}

  /**
   * The request the file describes, with command-line values (non-null) winning. Errors in the file
   * are printed with file, line and column, and give null.
   */
  static PathRegistration.Request read(Path file, AssetKind kind, String name, String version, String type,
      String description, Map<String, String> tags) throws RegistryException {
    SpecLoader loader = new SpecLoader();
    SpecLoader.Result r = loader.load(file);
    if (!r.valid()) {
      r.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> System.err.println(d.format()));
      return null;
    }
    SpecDocument doc = r.document();
    Meta meta;
    Reference path;
    String docType;
    if (kind == AssetKind.DATA && doc instanceof DataAssetSpec d) {
      meta = d.meta();
      path = d.path();
      docType = d.type() == null ? null : d.type().yamlName();
    } else if (kind == AssetKind.MODEL && doc instanceof ModelSpec m) {
      meta = m.meta();
      path = m.path();
      docType = m.type() == null ? null : m.type().yamlName();
    } else {
      throw new RegistryException(loader.display(file) + ": this is a " + doc.kindName() + ", not a " + kind.noun()
          + " file");
    }
    if (!(path instanceof Reference.LocalPath lp)) {
      throw new RegistryException(loader.display(file) + ": path '" + (path == null ? "" : path.raw())
          + "' is not a local file or folder; Trainyard registers local content only");
    }
    String n = name != null ? name : meta.name();
    if (n == null) {
      throw new RegistryException(loader.display(file) + ": no 'name' in the file, and no --name given");
    }
    Map<String, String> allTags = new LinkedHashMap<>(meta.tags());
    allTags.putAll(tags);
    return new PathRegistration.Request(kind, n, version != null ? version : meta.version(),
        type != null ? type : docType, lp.path(), description != null ? description : meta.description(), allTags);
  }
}
