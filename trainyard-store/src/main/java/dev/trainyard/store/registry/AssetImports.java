package dev.trainyard.store.registry;

import dev.trainyard.store.IoRecord;
import dev.trainyard.store.RunRecord;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;

/**
 * Turns what a user names into stored content for the registries: a local file or folder
 * (checked against the asset type), or a run's step output ({@code RUN:STEP:OUTPUT}).
 */
public final class AssetImports {
  /** Data asset types. */
  public static final Set<String> DATA_TYPES = Set.of("uri_folder", "uri_file", "mltable");
  /** Model types. */
  public static final Set<String> MODEL_TYPES = Set.of("custom_model", "mlflow_model", "triton_model");

  private AssetImports() {}

  /** The type to record: {@code type} when given (and valid for the kind), else from what {@code path} is. */
  public static String type(AssetKind kind, String type, Path path) throws RegistryException {
    Set<String> allowed = kind == AssetKind.MODEL ? MODEL_TYPES : DATA_TYPES;
    if (type == null) {
      return kind == AssetKind.MODEL ? "custom_model"
          : path != null && Files.isRegularFile(path) ? "uri_file" : "uri_folder";
    }
    if (!allowed.contains(type)) {
      throw new RegistryException("--type '" + type + "' is not a " + kind.noun() + " type; use one of "
          + String.join(", ", allowed.stream().sorted().toList()));
    }
    return type;
  }

  /** Checks {@code path} fits {@code type}, then stores a copy of it (verified by hash). */
  public static StoredObject storePath(Workspace ws, Path path, String type) throws RegistryException, IOException {
    checkPath(path, type);
    if (Files.isDirectory(path)) {
      try {
        return ws.objects().putTree(path, false);
      } catch (IOException e) {
        throw new RegistryException("cannot store " + path + ": " + e.getMessage());
      }
    }
    return ws.objects().putFile(path);
  }

  /** Checks that {@code path} exists and is what {@code type} needs (a file, a folder, an MLTable folder...). */
  public static void checkPath(Path path, String type) throws RegistryException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new RegistryException("--path " + path + " does not exist");
    }
    boolean dir = Files.isDirectory(path);
    if (type.equals("uri_file") && dir) {
      throw new RegistryException("--path " + path + " is a folder, but type uri_file needs a file (use uri_folder)");
    }
    if ((type.equals("uri_folder") || type.equals("mltable") || type.equals("mlflow_model")) && !dir) {
      throw new RegistryException("--path " + path + " is a file, but type " + type + " needs a folder");
    }
    if (type.equals("mltable") && !Files.isRegularFile(path.resolve("MLTable"))) {
      throw new RegistryException("--path " + path + " has no MLTable file, which type mltable needs");
    }
    if (type.equals("mlflow_model") && !Files.isRegularFile(path.resolve("MLmodel"))) {
      throw new RegistryException("--path " + path + " has no MLmodel file, which type mlflow_model needs");
    }
    if (!dir && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new RegistryException("--path " + path + " is not a regular file or folder");
    }
  }

  /** A step's stored output named by {@code RUN:STEP:OUTPUT} (RUN: an id, unique prefix or {@code latest}). */
  public record StepOutput(RunRecord run, StepRunRecord step, String output, StoredObject content) {
    public String source() {
      return run.id() + ":" + step.name() + ":" + output;
    }
  }

  /** Finds the output {@code ref} names, or says exactly which part names nothing. */
  public static StepOutput stepOutput(Workspace ws, String ref) throws RegistryException, SQLException {
    int last = ref.lastIndexOf(':');
    int first = ref.indexOf(':');
    if (first <= 0 || last == first || last == ref.length() - 1) {
      throw new RegistryException("--from '" + ref + "': expected RUN:STEP:OUTPUT");
    }
    String runRef = ref.substring(0, first);
    String stepName = ref.substring(first + 1, last);
    String output = ref.substring(last + 1);
    RunRecord run = RunLookup.run(ws, runRef);
    StepRunRecord step = ws.runs().steps(run.id()).stream().filter(s -> s.name().equals(stepName)).findFirst()
        .orElseThrow(() -> new RegistryException("--from '" + ref + "': run " + run.id() + " has no step '" + stepName + "'"));
    IoRecord io = ws.results().io(step.id(), "out").get(output);
    if (io == null || io.artifactSha256() == null) {
      var names = ws.results().io(step.id(), "out").keySet();
      throw new RegistryException("--from '" + ref + "': step " + stepName + " of run " + run.id() + " has no stored output '"
          + output + "'" + (step.isCompleted() ? "" : " (the step " + step.status() + ")")
          + (names.isEmpty() ? "" : "; its outputs: " + String.join(", ", names)));
    }
    return new StepOutput(run, step, output, ws.results().artifact(io.artifactSha256()));
  }
}
