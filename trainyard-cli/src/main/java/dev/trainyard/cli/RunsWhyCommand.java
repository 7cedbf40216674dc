package dev.trainyard.cli;

import dev.trainyard.engine.FlatJson;
import dev.trainyard.store.RunRecord;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.TreeManifest;
import dev.trainyard.store.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code trainyard runs why RUN STEP}: why a step was reused or run — its cache key's parts and,
 * for a step that ran, exactly what differed from the closest earlier run of that step.
 */
@Command(name = "why", description = "Explain why a step was reused or run again.", mixinStandardHelpOptions = true)
final class RunsWhyCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN") String ref;
  @Parameters(index = "1", paramLabel = "STEP") String stepName;
  @Mixin WorkspaceOption workspace;

  @Override
  public Integer call() throws Exception {
    try (Workspace ws = workspace.open()) {
      RunRecord run = RunRefs.run(ws, ref);
      StepRunRecord step = run == null ? null : RunRefs.step(ws, run, stepName);
      if (step == null) {
        return ExitCodes.BAD_INPUT;
      }
      if (step.keyParts() == null) {
        System.out.println("step " + step.name() + " " + step.status() + " before its cache key was computed"
            + (step.error() != null ? ": " + step.error() : ""));
        return ExitCodes.OK;
      }
      Map<String, String> parts = FlatJson.read(step.keyParts());
      System.out.println("step " + step.name() + " of run " + run.id() + ": cache key " + step.cacheKey());
      if (step.reusedFrom() != null) {
        StepRunRecord from = ws.runs().stepById(step.reusedFrom());
        System.out.println("reused: step run " + from.id() + " of run " + from.runId() + " had the same key, and its"
            + " outputs were intact");
      } else {
        explainRun(ws, run, step, parts);
      }
      System.out.println("key parts:");
      parts.forEach((k, v) -> System.out.println("  " + k + " = " + abbreviate(v)));
      return ExitCodes.OK;
    }
  }

  private static void explainRun(Workspace ws, RunRecord run, StepRunRecord step, Map<String, String> parts)
      throws Exception {
    StepRunRecord same = ws.results().reusable(step.cacheKey(), run.id());
    if (same != null && same.id() != step.id()) {
      System.out.println("ran although step run " + same.id() + " of run " + same.runId() + " had the same key: reuse"
          + " was off (--force-rerun, settings.force_rerun or is_deterministic: false) or its outputs were damaged");
      return;
    }
    StepRunRecord best = null;
    List<String> bestDiff = null;
    for (StepRunRecord earlier : ws.results().history(run.pipeline(), step.name(), 50)) {
      if (earlier.id() >= step.id() || !earlier.isCompleted()) {
        continue;
      }
      List<String> diff = diff(ws, FlatJson.read(earlier.keyParts()), parts);
      if (best == null || diff.size() < bestDiff.size()) {
        best = earlier;
        bestDiff = diff;
      }
    }
    if (best == null) {
      System.out.println("ran: no earlier completed run of step " + step.name() + " in pipeline " + run.pipeline()
          + ", so nothing could be reused");
      return;
    }
    System.out.println("ran: compared with the closest earlier run (step run " + best.id() + " of run " + best.runId()
        + "):");
    bestDiff.forEach(d -> System.out.println("  - " + d));
  }

  static List<String> diff(Workspace ws, Map<String, String> before, Map<String, String> now) {
    List<String> out = new ArrayList<>();
    for (String k : new TreeSet<>(union(before, now))) {
      String a = before.get(k);
      String b = now.get(k);
      if (a != null && a.equals(b)) {
        continue;
      }
      if (k.equals("code")) {
        out.addAll(codeDiff(ws, a, b));
      } else if (k.startsWith("input.")) {
        String name = k.substring("input.".length());
        if (a != null && b != null && a.startsWith("sha256:") && b.startsWith("sha256:")) {
          out.add("input " + name + " has new content (" + a.substring(7, 19) + "… -> " + b.substring(7, 19) + "…)");
        } else if (a != null && b != null && a.startsWith("value:") && b.startsWith("value:")) {
          out.add("parameter " + name + " changed: " + a.substring(6) + " -> " + b.substring(6));
        } else {
          out.add("input " + name + " changed: " + abbreviate(a) + " -> " + abbreviate(b));
        }
      } else {
        out.add(k + " changed: " + abbreviate(a) + " -> " + abbreviate(b));
      }
    }
    return out;
  }

  private static List<String> codeDiff(Workspace ws, String a, String b) {
    List<String> out = new ArrayList<>();
    try {
      Map<String, String> before = files(ws, a);
      Map<String, String> now = files(ws, b);
      for (String f : new TreeSet<>(union(before, now))) {
        if (!before.containsKey(f)) {
          out.add("code file " + f + " was added");
        } else if (!now.containsKey(f)) {
          out.add("code file " + f + " was removed");
        } else if (!before.get(f).equals(now.get(f))) {
          out.add("code file " + f + " changed");
        }
      }
    } catch (Exception e) {
      out.add("code changed (" + abbreviate(a) + " -> " + abbreviate(b) + ")");
    }
    return out.isEmpty() ? List.of("code changed") : out;
  }

  private static Map<String, String> files(Workspace ws, String tree) throws Exception {
    Map<String, String> m = new java.util.TreeMap<>();
    if (tree != null && !tree.equals("none")) {
      for (TreeManifest.Entry e : ws.objects().readTree(tree).entries()) {
        m.put(e.path(), e.sha256());
      }
    }
    return m;
  }

  private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
    java.util.Set<String> s = new java.util.HashSet<>(a.keySet());
    s.addAll(b.keySet());
    return s;
  }

  private static String abbreviate(String v) {
    if (v == null) {
      return "(none)";
    }
    String one = v.replace("\n", "\\n");
    return one.length() > 100 ? one.substring(0, 97) + "..." : one;
  }
}
