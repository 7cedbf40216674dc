package dev.trainyard.cli;

import dev.trainyard.store.lineage.EdgeKind;
import dev.trainyard.store.lineage.LineageEdge;
import dev.trainyard.store.lineage.LineageGraph;
import dev.trainyard.store.lineage.LineageNode;

/** A lineage graph in Graphviz DOT, left to right in the direction data flows; roots are bold. */
final class LineageDot {
  private LineageDot() {}

  static String write(LineageGraph g) {
    StringBuilder sb = new StringBuilder("digraph lineage {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
        + "  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (LineageNode n : g.nodes()) {
      String shape = switch (n.kind()) {
        case RUN -> "box3d";
        case STEP -> "box";
        case ARTIFACT -> "note";
        case FILE -> "plaintext";
        case CODE -> "folder";
        case DATA -> "cylinder";
        case MODEL -> "hexagon";
        case COMPONENT -> "component";
      };
      String label = switch (n.kind()) {
        case ARTIFACT, FILE, CODE -> n.kind().word() + "\\n" + LineageLabels.shortHash(n.id())
            + (n.attrs().get("path") != null ? "\\n" + quote(String.valueOf(n.attrs().get("path"))) : "");
        case STEP -> "step " + quote(String.valueOf(n.attrs().get("step"))) + "\\n" + quote(String.valueOf(n.attrs().get("run")));
        case RUN -> "run\\n" + quote(n.id());
        default -> quote(n.label());
      };
      sb.append("  \"").append(quote(n.key())).append("\" [shape=").append(shape).append(", label=\"").append(label)
          .append('"').append(g.roots().contains(n.key()) ? ", penwidth=2, style=bold" : "").append("];\n");
    }
    for (LineageEdge e : g.edges()) {
      sb.append("  \"").append(quote(e.from())).append("\" -> \"").append(quote(e.to())).append('"');
      StringBuilder attrs = new StringBuilder();
      if (e.label() != null) {
        attrs.append("label=\"").append(quote(e.label())).append('"');
      }
      if (e.kind() == EdgeKind.STEP || e.kind() == EdgeKind.PART_OF) {
        attrs.append(attrs.length() > 0 ? ", " : "").append("style=dashed");
      }
      if (attrs.length() > 0) {
        sb.append(" [").append(attrs).append(']');
      }
      sb.append(";\n");
    }
    return sb.append("}\n").toString();
  }

  /** Escapes for a DOT double-quoted string: quotes, backslashes and line breaks. */
  static String quote(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "");
  }
}
