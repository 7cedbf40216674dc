package dev.trainyard.store.registry;

import dev.trainyard.store.RunRecord;
import dev.trainyard.store.Workspace;
import java.sql.SQLException;
import java.util.List;

/** Finds a run by id, unique id prefix, or {@code latest}. */
final class RunLookup {
  private RunLookup() {}

  static RunRecord run(Workspace ws, String ref) throws RegistryException, SQLException {
    if (ref.equals("latest")) {
      List<RunRecord> runs = ws.runs().list(null, null, 1);
      if (runs.isEmpty()) {
        throw new RegistryException("there are no runs in " + ws.root());
      }
      return runs.get(0);
    }
    RunRecord exact = ws.runs().find(ref);
    if (exact != null) {
      return exact;
    }
    List<RunRecord> matches = ws.runs().list(null, null, 100_000).stream().filter(r -> r.id().startsWith(ref)).toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw new RegistryException(matches.isEmpty() ? "no run '" + ref + "' in " + ws.root()
        : "run '" + ref + "' is ambiguous: " + matches.size() + " runs start with it");
  }
}
