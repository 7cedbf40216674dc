package dev.trainyard.store.lineage;

import java.util.Objects;

/**
 * A relation between two nodes (by {@link LineageNode#key()}), pointing the way data flows.
 *
 * @param label the input or output name, the path inside a folder, or null
 */
public record LineageEdge(String from, String to, EdgeKind kind, String label) {
  // Written out: a record's generated equals and hashCode are bootstrapped through method handles
  // on first use, a cost of every lineage query's start (edges live in a hash set).
  @Override
  public boolean equals(Object o) {
    return o instanceof LineageEdge e && from.equals(e.from) && to.equals(e.to) && kind == e.kind
        && Objects.equals(label, e.label);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, kind, label);
  }
}
