package dev.trainyard.spec.registry;

import dev.trainyard.spec.Reference;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the loader and planner ask of a workspace's registries: {@code azureml:name:version} and
 * {@code azureml:name@label} references to components, data assets and models. The store
 * implements it; {@link #NONE} answers "not registered" to everything.
 */
public interface Registry {

  /** The YAML file of a registered component (its code beside it as registered), or empty. */
  Optional<Path> findComponent(Reference.Registered ref);

  /** A registered model ({@code model} true) or data asset, or empty when not registered. */
  Optional<Asset> findAsset(Reference.Registered ref, boolean model);

  /**
   * A registered version.
   *
   * @param type its Azure type as written: uri_folder, uri_file, mltable, custom_model, ...
   * @param sha256 the stored content it points at
   */
  record Asset(String name, String version, String type, String sha256) {}

  /** A registry with nothing in it. */
  Registry NONE = new Registry() {
    @Override
    public Optional<Path> findComponent(Reference.Registered ref) {
      return Optional.empty();
    }

    @Override
    public Optional<Asset> findAsset(Reference.Registered ref, boolean model) {
      return Optional.empty();
    }
  };
}
