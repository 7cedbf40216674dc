package dev.trainyard.cli;

import dev.trainyard.store.lineage.EdgeKind;
import dev.trainyard.store.lineage.LineageEdge;
import dev.trainyard.store.lineage.LineageGraph;
import dev.trainyard.store.lineage.LineageNode;
import dev.trainyard.store.lineage.NodeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A lineage graph as a readable tree: each root, then what produced it (upstream, following edges
 * backwards) and what was derived from it (downstream, forwards). A node reached a second time is
 * named again but not expanded ("see above"); folders list their first files, then a count.
 */
final class LineageText {
  /** Files listed per folder before "... N more files" (--json lists them all). */
  static final int FILES_SHOWN = 10;

  private final LineageGraph g;
  private final StringBuilder out = new StringBuilder();
  // Per direction, and kept across roots: a folder given to --file has many roots whose
  // downstream is mostly shared, and it is printed once.
  private final Set<String> expandedUp = new HashSet<>();
  private final Set<String> expandedDown = new HashSet<>();
  private Set<String> expanded = expandedUp;
  /** Runs already described in this direction: a chain of steps of one run names it once. */
  private final Set<String> runsUp = new HashSet<>();
  private final Set<String> runsDown = new HashSet<>();
  private Set<String> runsShown = runsUp;
  /**
   * Every node a downstream section reached through an edge, "see above" or not: what was derived
   * from the roots, for the summary (the same set a second walk from the roots would find).
   */
  private final Set<String> reachedDown = new HashSet<>();

  LineageText(LineageGraph g) {
    this.g = g;
  }

  String render() {
    if (g.roots().isEmpty()) {
      out.append("nothing in the workspace used this content\n");
    }
    for (String root : g.roots()) {
      LineageNode n = g.node(root);
      out.append(LineageLabels.line(g, n, null, false)).append('\n');
      attributes(n, "  ");
      if (g.upstream()) {
        section("upstream", n, false);
      }
      if (g.downstream()) {
        section("downstream", n, true);
      }
    }
    if (g.downstream()) {
      summary();
    }
    for (String note : g.notes()) {
      out.append("note: ").append(note).append('\n');
    }
    return out.toString();
  }

  private void section(String title, LineageNode root, boolean down) {
    expanded = down ? expandedDown : expandedUp;
    expanded.add(root.key());
    runsShown = down ? runsDown : runsUp;
    runsShown.add(root.key());
    List<LineageEdge> next = children(root, down, true);
    out.append(title).append(next.isEmpty() ? ": nothing recorded\n" : "\n");
    for (int i = 0; i < next.size(); i++) {
      walk(next.get(i), down, "", i == next.size() - 1);
    }
  }

  private void walk(LineageEdge via, boolean down, String prefix, boolean last) {
    LineageNode n = g.node(down ? via.to() : via.from());
    if (down) {
      reachedDown.add(n.key());
    }
    boolean again = !expanded.add(n.key());
    out.append(prefix).append(last ? "└─ " : "├─ ").append(LineageLabels.line(g, n, via, down));
    out.append(again ? "  (see above)\n" : "\n");
    if (again) {
      return;
    }
    String inner = prefix + (last ? "   " : "│  ");
    List<LineageEdge> next = children(n, down, false);
    attributes(n, inner + (next.isEmpty() ? "   " : "│  "));
    for (int i = 0; i < next.size(); i++) {
      walk(next.get(i), down, inner, i == next.size() - 1);
    }
  }

  /** The edges to follow from {@code n}: backwards upstream, forwards downstream. */
  private List<LineageEdge> children(LineageNode n, boolean down, boolean atRoot) {
    List<LineageEdge> out = new ArrayList<>();
    boolean asset = n.kind() == NodeKind.DATA || n.kind() == NodeKind.MODEL || n.kind() == NodeKind.COMPONENT;
    if (atRoot && asset && down) {
      // A registered version's derivatives are those of its content.
      for (LineageEdge e : g.into(n.key())) {
        for (LineageEdge d : g.outOf(e.from())) {
          if (!d.to().equals(n.key())) {
            out.add(d);
          }
        }
      }
      return out;
    }
    if (atRoot && n.kind() == NodeKind.RUN) {
      return g.outOf(n.key()).stream().filter(e -> e.kind() == EdgeKind.STEP)
          .map(e -> down ? e : new LineageEdge(e.to(), e.to(), EdgeKind.STEP, null)).toList();
    }
    for (LineageEdge e : down ? g.outOf(n.key()) : g.into(n.key())) {
      boolean follow = switch (e.kind()) {
        case STEP -> false;
        case PART_OF -> down;
        case REGISTERED -> down || asset;
        default -> true;
      };
      if (follow) {
        out.add(e);
      }
    }
    return out;
  }

  private void attributes(LineageNode n, String prefix) {
    Object run = n.kind() == NodeKind.STEP ? n.attrs().get("run") : null;
    boolean newRun = run != null && runsShown.add(LineageNode.runKey((String) run));
    for (String line : LineageLabels.details(g, n, newRun)) {
      out.append(prefix).append(line).append('\n');
    }
    List<LineageNode.FileEntry> code = n.codeFiles();
    if (!code.isEmpty()) {
      StringBuilder line = new StringBuilder("code files: ");
      for (int i = 0; i < Math.min(FILES_SHOWN, code.size()); i++) {
        line.append(i == 0 ? "" : ", ").append(code.get(i).path()).append(' ')
            .append(LineageLabels.shortHash(code.get(i).sha256()));
      }
      if (code.size() > FILES_SHOWN) {
        line.append(", ... ").append(code.size() - FILES_SHOWN).append(" more files");
      }
      out.append(prefix).append(line).append('\n');
    }
    List<LineageNode.FileEntry> files = n.files();
    for (int i = 0; i < Math.min(FILES_SHOWN, files.size()); i++) {
      out.append(prefix).append(files.get(i).path()).append("  ").append(LineageLabels.shortHash(files.get(i).sha256()))
          .append('\n');
    }
    if (files.size() > FILES_SHOWN) {
      out.append(prefix).append("... ").append(files.size() - FILES_SHOWN).append(" more files\n");
    }
  }

  /** What a poisoning check wants at a glance: the versions and runs derived from the roots. */
  private void summary() {
    Set<String> models = new TreeSet<>();
    Set<String> data = new TreeSet<>();
    // Hashed, then sorted once: hundreds of step nodes name far fewer runs.
    Set<String> runSet = new HashSet<>();
    for (String key : reachedDown) {
      LineageNode n = g.node(key);
      switch (n.kind()) {
        case MODEL -> models.add(n.id());
        case DATA -> data.add(n.id());
        case STEP -> runSet.add((String) n.attrs().get("run"));
        default -> { }
      }
    }
    List<String> runs = new ArrayList<>(runSet);
    Collections.sort(runs);
    out.append("derived: ").append(models.size()).append(models.size() == 1 ? " model, " : " models, ")
        .append(data.size()).append(data.size() == 1 ? " data asset, " : " data assets, ")
        .append(runs.size()).append(runs.size() == 1 ? " run" : " runs").append('\n');
    if (!models.isEmpty()) {
      out.append("models: ").append(String.join(", ", models)).append('\n');
    }
    if (!data.isEmpty()) {
      out.append("data assets: ").append(String.join(", ", data)).append('\n');
    }
  }

  static String params(Map<?, ?> m) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }
}
