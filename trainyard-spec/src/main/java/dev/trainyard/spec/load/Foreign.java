package dev.trainyard.spec.load;

import dev.trainyard.spec.yaml.YNode;

/**
 * Recognises YAML files that are not Azure ML jobs, components or assets — prompt flows, conda
 * environments, endpoints and deployments, workspace resources — so that they get a message
 * naming what they are, rather than being read as a command job that lacks a command.
 */
final class Foreign {
  private Foreign() {}

  /** Why this file is not one Trainyard reads, or null when it may be one. */
  static String kindOf(YNode.Mapping m, String schema) {
    if (schema.contains("promptflow") || m.has("flow") && m.has("column_mapping") || m.has("nodes") && m.has("outputs")
        && !m.has("command")) {
      return "this is a prompt flow file, an Azure-only feature that Trainyard does not run";
    }
    for (String k : new String[] {"deployment", "endpoint", "workspace", "compute", "connection", "datastore",
        "registry", "featurestore", "featureset", "capabilityhost"}) {
      if (schema.contains(k)) {
        return "this is an Azure ML " + k + " file, which describes an Azure resource; Trainyard reads jobs,"
            + " components, data assets, models, environments and schedules";
      }
    }
    if (schema.contains("dataset.schema")) {
      return "this is a pre-release Azure ML dataset file; write it as a data asset (type: uri_folder, uri_file or"
          + " mltable, with a path)";
    }
    if (schema.isEmpty() && !m.has("command") && !m.has("jobs") && !m.has("component")) {
      if (m.has("dependencies") || m.has("channels")) {
        return "this is a conda environment file; refer to it from an environment's conda_file";
      }
      if (!m.has("image") && !m.has("build") && !m.has("conda_file") && !m.has("trigger") && !m.has("path")) {
        return "cannot tell what this file is: it has no 'type', '$schema', 'command' or 'jobs'";
      }
    }
    return null;
  }
}
