package dev.trainyard.store.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer to a lineage query: nodes, edges (pointing the way data flows), the roots the
 * query started from, and which directions were walked. Nodes and edges keep the order in which
 * the walk found them, so output is stable for the same workspace.
 */
public final class LineageGraph {
  private final Map<String, LineageNode> nodes = new LinkedHashMap<>();
  private final Set<LineageEdge> edges = new LinkedHashSet<>();
  private final List<String> roots = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private boolean upstream;
  private boolean downstream;
  private Map<String, List<LineageEdge>> into;
  private Map<String, List<LineageEdge>> outOf;

  /** Adds {@code n} unless a node with its key is there; returns the node kept. */
  public LineageNode add(LineageNode n) {
    LineageNode had = nodes.putIfAbsent(n.key(), n);
    return had != null ? had : n;
  }

  public LineageNode node(String key) {
    return nodes.get(key);
  }

  public boolean has(String key) {
    return nodes.containsKey(key);
  }

  public void edge(String from, String to, EdgeKind kind, String label) {
    if (edges.add(new LineageEdge(from, to, kind, label))) {
      into = null;
      outOf = null;
    }
  }

  public void root(String key) {
    if (!roots.contains(key)) {
      roots.add(key);
    }
  }

  /** A remark for the reader (what matched nothing, what was left out). */
  public void note(String text) {
    notes.add(text);
  }

  void directions(boolean up, boolean down) {
    this.upstream = up;
    this.downstream = down;
  }

  public Collection<LineageNode> nodes() {
    return nodes.values();
  }

  public Collection<LineageEdge> edges() {
    return edges;
  }

  public List<String> roots() {
    return roots;
  }

  public List<String> notes() {
    return notes;
  }

  public boolean upstream() {
    return upstream;
  }

  public boolean downstream() {
    return downstream;
  }

  /** Edges ending at {@code key}, in the order they were found. */
  public List<LineageEdge> into(String key) {
    if (into == null) {
      into = index(true);
    }
    return into.getOrDefault(key, List.of());
  }

  /** Edges starting at {@code key}, in the order they were found. */
  public List<LineageEdge> outOf(String key) {
    if (outOf == null) {
      outOf = index(false);
    }
    return outOf.getOrDefault(key, List.of());
  }

  private Map<String, List<LineageEdge>> index(boolean byTarget) {
    Map<String, List<LineageEdge>> m = new LinkedHashMap<>();
    for (LineageEdge e : edges) {
      m.computeIfAbsent(byTarget ? e.to() : e.from(), k -> new ArrayList<>()).add(e);
    }
    return m;
  }
}
