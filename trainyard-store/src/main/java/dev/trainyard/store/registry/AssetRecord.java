package dev.trainyard.store.registry;

import java.util.List;
import java.util.Map;

/**
 * One registered version.
 *
 * @param type the Azure type: uri_folder, uri_file, mltable, custom_model, mlflow_model, command, ...
 * @param sha256 the artifact it points at
 * @param entry for a component, its YAML's path inside the artifact's tree; else null
 * @param source where it came from: a path or {@code RUN:STEP:OUTPUT}
 * @param runId the run that produced it, or null
 * @param stepRunId the step run that produced it, or null
 * @param provenance JSON: what produced it (pipeline, code hashes, parameters, seeds, inputs, versions, OS)
 */
public record AssetRecord(
    long id, AssetKind kind, String name, String version, String type, String sha256, String entry,
    String description, String source, String runId, Long stepRunId, String provenance, long createdAt,
    Map<String, String> tags, List<String> aliases) {

  /** {@code name:version}. */
  public String ref() {
    return name + ":" + version;
  }
}
