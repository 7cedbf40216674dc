package dev.trainyard.spec.registry;

import dev.trainyard.spec.IoType;
import dev.trainyard.spec.Reference;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the loader and planner ask of a workspace's registries: {@code azureml:name:version} and
 * {@code azureml:name@label} references to components and data assets. The store implements it;
 * {@link #NONE} answers "not registered" to everything.
 */
public interface Registry {

  /** The YAML file of a registered component, or empty when not registered. */
  Optional<Path> findComponent(Reference.Registered ref);

  /** A registered data asset or model, or empty when not registered. */
  Optional<Asset> findAsset(Reference.Registered ref);

  /** A registered asset's type and local, read-only location. */
  record Asset(String name, String version, IoType type, Path path) {}

  /** A registry with nothing in it. */
  Registry NONE = new Registry() {
    @Override
    public Optional<Path> findComponent(Reference.Registered ref) {
      return Optional.empty();
    }

    @Override
    public Optional<Asset> findAsset(Reference.Registered ref) {
      return Optional.empty();
    }
  };
}
