package dev.trainyard.cli;

import dev.trainyard.store.RunRecord;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.Workspace;
import java.util.List;

/** Finds runs and steps named on the command line: a full id, a unique prefix, or {@code latest}. */
final class RunRefs {
  private RunRefs() {}

  /** The run, or null after saying why there is none. */
  static RunRecord run(Workspace ws, String ref) throws Exception {
    if (ref.equals("latest")) {
      List<RunRecord> runs = ws.runs().list(null, null, 1);
      if (runs.isEmpty()) {
        System.err.println("trainyard: there are no runs in " + ws.root());
        return null;
      }
      return runs.get(0);
    }
    RunRecord r = ws.runs().find(ref);
    if (r != null) {
      return r;
    }
    List<RunRecord> matches = ws.runs().list(null, null, 100_000).stream().filter(x -> x.id().startsWith(ref)).toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    System.err.println("trainyard: " + (matches.isEmpty() ? "no run '" + ref + "' in " + ws.root()
        + " (see 'trainyard runs list')" : "'" + ref + "' matches " + matches.size() + " runs; give more of the id"));
    return null;
  }

  /** The step of a run, or null after saying why there is none. */
  static StepRunRecord step(Workspace ws, RunRecord run, String name) throws Exception {
    List<StepRunRecord> steps = ws.runs().steps(run.id());
    for (StepRunRecord s : steps) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    List<String> names = steps.stream().map(StepRunRecord::name).toList();
    String hint = dev.trainyard.spec.load.Suggest.hintOrList(name, names, "its steps");
    System.err.println("trainyard: run " + run.id() + " has no step '" + name + "'" + (hint == null ? "" : " (" + hint + ")"));
    return null;
  }
}
