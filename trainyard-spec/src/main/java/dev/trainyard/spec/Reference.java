package dev.trainyard.spec;

import java.nio.file.Path;

/**
 * Where something comes from: a local path, a registered asset, a datastore path, a registry URI,
 * a remote URL, or a binding that is only known at plan time. Parsed by {@code ReferenceParser}.
 */
public sealed interface Reference {

  /** The text as written in the file. */
  String raw();

  /** A local file or folder, resolved against the spec file's folder. */
  record LocalPath(String raw, Path path) implements Reference {}

  /**
   * A workspace-registered asset: {@code azureml:name:version} or {@code azureml:name@label}.
   * Exactly one of version and label is set; a bare {@code azureml:name} means {@code @latest}.
   */
  record Registered(String raw, String name, String version, String label) implements Reference {
    public String display() {
      return version != null ? name + ":" + version : name + "@" + label;
    }
  }

  /** {@code azureml://datastores/<datastore>/paths/<path>}. */
  record Datastore(String raw, String datastore, String path) implements Reference {}

  /** {@code azureml://registries/<registry>/<kind>/<name>/versions/<v>} or {@code /labels/<l>}. */
  record RegistryUri(String raw, String registry, String kind, String name, String version, String label)
      implements Reference {}

  /** A remote URL: {@code https://}, {@code wasbs://}, {@code abfss://}, {@code s3://} and the like. */
  record Remote(String raw, String scheme) implements Reference {}

  /** A value holding {@code ${{...}}} bindings, resolved by the planner. */
  record Bound(String raw, Template template) implements Reference {}
}
