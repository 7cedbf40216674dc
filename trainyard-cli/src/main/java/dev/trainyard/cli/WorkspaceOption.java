package dev.trainyard.cli;

import dev.trainyard.store.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --workspace DIR}, else {@code $TRAINYARD_HOME}, else {@code .trainyard} in the current folder. */
final class WorkspaceOption {
  @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: $TRAINYARD_HOME or ./.trainyard).")
  Path workspace;

  Path dir() {
    if (workspace != null) {
      return workspace;
    }
    return defaultDir(System.getenv("TRAINYARD_HOME"));
  }

  /** The workspace when none is named: {@code home} ($TRAINYARD_HOME) if set, else ./.trainyard. */
  static Path defaultDir(String home) {
    return home != null && !home.isBlank() ? Path.of(home) : Path.of(".trainyard");
  }

  Workspace open() throws Exception {
    return Workspace.open(dir());
  }
}
