package dev.trainyard.store.registry;

import dev.trainyard.store.StoredObject;
import java.util.Map;

/**
 * A version to register. {@code version} null takes the next number (or is a no-op when the
 * newest version already holds the same content).
 */
public record NewAsset(
    AssetKind kind, String name, String version, String type, StoredObject content, String entry,
    String description, Map<String, String> tags, String source, String runId, Long stepRunId, String provenance) {
  public NewAsset {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    provenance = provenance == null ? "{}" : provenance;
  }
}
