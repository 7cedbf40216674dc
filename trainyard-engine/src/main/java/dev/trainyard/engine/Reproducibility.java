package dev.trainyard.engine;

import dev.trainyard.store.IoRecord;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.TreeManifest;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a rerun with the run it reproduces, step by step and output by output, by the stored
 * content hashes (for folders, file by file from their manifests). A step whose outputs differ
 * although its cache key — code, inputs, parameters, seed, definition — equals the original's is
 * non-deterministic; one whose inputs already differed only inherits a difference from upstream.
 */
public final class Reproducibility {
  private Reproducibility() {}

  /** One file of a folder output that differs: {@code changed}, {@code added} or {@code removed} in the rerun. */
  public record FileChange(String path, String change) {}

  /**
   * One output compared.
   *
   * @param verdict {@code identical}, {@code differs}, {@code missing} (the rerun lacks it) or {@code new}
   * @param files for two folders that differ, the files that do (else empty)
   */
  public record OutputComparison(String name, String verdict, String originalSha256, String rerunSha256,
      List<FileChange> files) {}

  /**
   * One step compared.
   *
   * @param verdict {@code identical}, {@code differs}, {@code failed} (the rerun of it did not complete)
   *     or {@code not_compared} (the original step did not complete)
   * @param nonDeterministic its outputs differ although everything that goes into it was the same
   * @param changedParts the cache-key parts that differ from the original's ({@code input.data}, {@code command}...)
   * @param detail a sentence for people: why it failed, was not compared, or differs
   */
  public record StepComparison(String name, String verdict, boolean nonDeterministic, List<String> changedParts,
      String detail, List<OutputComparison> outputs) {}

  /** The whole comparison. */
  public record Report(String originalRunId, String rerunId, String rerunStatus, List<StepComparison> steps) {
    /** True when the rerun completed and every step's outputs are byte for byte the original's. */
    public boolean identical() {
      return rerunStatus.equals("completed") && steps.stream().allMatch(s -> s.verdict().equals("identical"));
    }

    public List<String> nonDeterministic() {
      return steps.stream().filter(StepComparison::nonDeterministic).map(StepComparison::name).toList();
    }

    /**
     * Steps whose definition (command, environment...) differs from the original's: their component
     * files changed on disk since, and those are read as they are now. Outputs identical or not,
     * such a step was not rerun as recorded.
     */
    public List<String> definitionChanged() {
      return steps.stream().filter(s -> s.changedParts().stream().anyMatch(p -> !p.startsWith("input.")))
          .map(StepComparison::name).toList();
    }

    /** The check passed: identical outputs from the steps as recorded. */
    public boolean reproduced() {
      return identical() && definitionChanged().isEmpty();
    }
  }

  /** Compares {@code rerun} with the recorded outputs of run {@code originalRunId}. */
  public static Report compare(Workspace ws, String originalRunId, Engine.RunOutcome rerun)
      throws SQLException {
    Map<String, StepRunRecord> original = byName(ws.runs().steps(originalRunId));
    Map<String, StepRunRecord> again = byName(ws.runs().steps(rerun.runId()));
    List<StepComparison> steps = new ArrayList<>();
    for (StepOutcome o : rerun.steps()) {
      StepRunRecord before = original.get(o.name());
      StepRunRecord now = again.get(o.name());
      List<String> changed = changedParts(before, now);
      if (before == null || !before.isCompleted()) {
        String why = before == null ? "it is not in run " + originalRunId : "it " + before.status() + " in run "
            + originalRunId;
        steps.add(new StepComparison(o.name(), "not_compared", false, changed, "not compared: " + why, List.of()));
      } else if (!o.completed()) {
        String why = o.error() == null ? o.status() : o.status().equals("failed") ? o.error()
            : o.status() + ": " + o.error(); // skipped or canceled, and why
        steps.add(new StepComparison(o.name(), "failed", false, changed, why, List.of()));
      } else {
        steps.add(step(ws, o, before, changed));
      }
    }
    return new Report(originalRunId, rerun.runId(), rerun.status(), steps);
  }

  private static StepComparison step(Workspace ws, StepOutcome o, StepRunRecord before, List<String> changed)
      throws SQLException {
    Map<String, String> was = new TreeMap<>();
    for (Map.Entry<String, IoRecord> e : ws.results().io(before.id(), "out").entrySet()) {
      was.put(e.getKey(), e.getValue().artifactSha256());
    }
    TreeSet<String> names = new TreeSet<>(was.keySet());
    names.addAll(o.outputs().keySet());
    List<OutputComparison> outputs = new ArrayList<>();
    for (String n : names) {
      String a = was.get(n);
      StoredObject b = o.outputs().get(n);
      String verdict = a == null ? "new" : b == null ? "missing" : a.equals(b.sha256()) ? "identical" : "differs";
      List<FileChange> files = verdict.equals("differs") ? files(ws, a, b) : List.of();
      outputs.add(new OutputComparison(n, verdict, a, b == null ? null : b.sha256(), files));
    }
    boolean same = outputs.stream().allMatch(x -> x.verdict().equals("identical"));
    if (same) {
      return new StepComparison(o.name(), "identical", false, changed, null, outputs);
    }
    boolean definition = changed.stream().anyMatch(p -> !p.startsWith("input."));
    String detail = changed.isEmpty() ? "non-deterministic: same code, inputs, parameters and seed, different outputs"
        : definition ? "its definition differs from the original's (" + String.join(", ", changed) + ")"
        : "its inputs differed from the original's (" + String.join(", ", changed) + ")";
    return new StepComparison(o.name(), "differs", changed.isEmpty(), changed, detail, outputs);
  }

  /** The files of two folders that differ; empty when either is a single file or unreadable. */
  private static List<FileChange> files(Workspace ws, String original, StoredObject rerun) {
    if (rerun.kind() != StoredObject.Kind.TREE) {
      return List.of();
    }
    Map<String, String> a = new TreeMap<>();
    Map<String, String> b = new TreeMap<>();
    try {
      ws.objects().readTree(original).entries().forEach(e -> a.put(e.path(), e.sha256()));
      ws.objects().readTree(rerun.sha256()).entries().forEach(e -> b.put(e.path(), e.sha256()));
    } catch (IOException e) {
      return List.of(); // the original was a file, or a manifest is damaged: only the hashes compare
    }
    List<FileChange> out = new ArrayList<>();
    TreeSet<String> paths = new TreeSet<>(a.keySet());
    paths.addAll(b.keySet());
    for (String p : paths) {
      String x = a.get(p);
      String y = b.get(p);
      if (x == null) {
        out.add(new FileChange(p, "added"));
      } else if (y == null) {
        out.add(new FileChange(p, "removed"));
      } else if (!x.equals(y)) {
        out.add(new FileChange(p, "changed"));
      }
    }
    return out;
  }

  /** The cache-key parts that differ between the original step run and its rerun. */
  private static List<String> changedParts(StepRunRecord before, StepRunRecord now) {
    if (before == null || now == null || before.keyParts() == null || now.keyParts() == null) {
      return List.of();
    }
    Map<String, String> a = FlatJson.read(before.keyParts());
    Map<String, String> b = FlatJson.read(now.keyParts());
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    keys.remove("format");
    return keys.stream().filter(k -> !java.util.Objects.equals(a.get(k), b.get(k))).toList();
  }

  private static Map<String, StepRunRecord> byName(List<StepRunRecord> steps) {
    Map<String, StepRunRecord> m = new HashMap<>();
    steps.forEach(s -> m.put(s.name(), s));
    return m;
  }
}
