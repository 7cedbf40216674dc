package dev.trainyard.cli;

import dev.trainyard.store.registry.WorkspaceRegistry;
import java.nio.file.Path;

/** Where the CLI finds the workspace's registries for loading and planning. */
final class Workspaces {
  private Workspaces() {}

  /**
   * The registries of the workspace in {@code dir} (null: {@code $TRAINYARD_HOME} or
   * {@code ./.trainyard}), opened only when a file names a registered component, data asset or
   * model.
   */
  static WorkspaceRegistry registry(Path dir) {
    if (dir == null) {
      String home = System.getenv("TRAINYARD_HOME");
      dir = home != null && !home.isBlank() ? Path.of(home) : Path.of(".trainyard");
    }
    return new WorkspaceRegistry(dir.toAbsolutePath().normalize());
  }
}
