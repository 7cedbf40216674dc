package dev.trainyard.cli;

import dev.trainyard.store.lineage.EdgeKind;
import dev.trainyard.store.lineage.LineageEdge;
import dev.trainyard.store.lineage.LineageGraph;
import dev.trainyard.store.lineage.LineageNode;
import dev.trainyard.store.lineage.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The words for lineage nodes in text output: one line per node, and detail lines under it. */
final class LineageLabels {
  private LineageLabels() {}

  /** The node's line; {@code via} is the edge it was reached by (null for a root). */
  static String line(LineageGraph g, LineageNode n, LineageEdge via, boolean down) {
    String what = switch (n.kind()) {
      case ARTIFACT, FILE -> content(g, n, via == null);
      case CODE -> "code " + (via == null ? n.id() : shortHash(n.id())) + " (" + files((Long) n.attrs().get("files")) + ")";
      case STEP -> "step " + n.label() + status(n);
      case RUN -> "run " + n.id() + status(n);
      default -> n.label() + (n.attrs().get("type") != null ? " (" + n.attrs().get("type") + ")" : "");
    };
    if (via == null) {
      return what;
    }
    return switch (via.kind()) {
      case INPUT -> down ? "input '" + via.label() + "' of " + what : "input '" + via.label() + "': " + what;
      case OUTPUT -> down ? "output '" + via.label() + "': " + what : "output '" + via.label() + "' of " + what;
      case PART_OF -> (n.kind() == NodeKind.CODE ? "in code, as '" : "in folder, as '") + via.label() + "': " + what;
      case CODE -> down ? "code of " + what : "code: " + what;
      case REGISTERED -> down ? "registered as " + what : what;
      case STEP -> what;
    };
  }

  private static String status(LineageNode n) {
    Object s = n.attrs().get("status");
    return s == null || s.equals("completed") ? "" : " (" + s + ")";
  }

  private static String content(LineageGraph g, LineageNode n, boolean root) {
    StringBuilder sb = new StringBuilder();
    Object path = n.attrs().get("path");
    if (path != null) {
      sb.append(path).append("  ");
    }
    sb.append(n.kind() == NodeKind.ARTIFACT ? "artifact " : "file ").append(root ? n.id() : shortHash(n.id()));
    if (n.kind() == NodeKind.ARTIFACT) {
      long files = (Long) n.attrs().get("files");
      sb.append(" (").append(n.attrs().get("type"));
      if ("folder".equals(n.attrs().get("type"))) {
        sb.append(", ").append(files(files));
      }
      sb.append(", ").append(bytes((Long) n.attrs().get("size"))).append(')');
    } else {
      sb.append(" (content found inside folders)");
    }
    List<String> registered = new ArrayList<>();
    for (LineageEdge e : g.outOf(n.key())) {
      if (e.kind() == EdgeKind.REGISTERED) {
        registered.add(g.node(e.to()).label());
      }
    }
    if (!registered.isEmpty()) {
      sb.append(" = ").append(String.join(", ", registered));
    }
    return sb.toString();
  }

  /** Lines under a node: where a step ran and with what, what a run was, where a version came from. */
  static List<String> details(LineageGraph g, LineageNode n, boolean describeRun) {
    List<String> out = new ArrayList<>();
    Map<String, Object> a = n.attrs();
    switch (n.kind()) {
      case STEP -> {
        LineageNode run = g.node(LineageNode.runKey((String) a.get("run")));
        if (run != null && describeRun) {
          out.add("run " + run.id() + ": pipeline " + run.attrs().get("pipeline") + ", experiment "
              + run.attrs().get("experiment") + ", run seed " + run.attrs().get("seed"));
        }
        StringBuilder how = new StringBuilder();
        if (a.get("seed") != null) {
          how.append("seed ").append(a.get("seed"));
        }
        if (a.get("code") != null) {
          how.append(how.length() > 0 ? ", " : "").append("code ").append(a.get("code"));
        }
        if (how.length() > 0) {
          out.add(how.toString());
        }
        if (a.get("reused_from") != null) {
          out.add("reused the outputs of step " + a.get("reused_from"));
        }
        if (a.get("params") instanceof Map<?, ?> m && !m.isEmpty()) {
          out.add("params: " + LineageText.params(m));
        }
        if (a.get("logged_params") instanceof Map<?, ?> m && !m.isEmpty()) {
          out.add("logged params: " + LineageText.params(m));
        }
      }
      case RUN -> {
        out.add("pipeline " + a.get("pipeline") + ", experiment " + a.get("experiment") + ", seed " + a.get("seed"));
        if (a.get("params") instanceof Map<?, ?> m && !m.isEmpty()) {
          out.add("params: " + LineageText.params(m));
        }
      }
      case DATA, MODEL, COMPONENT -> {
        if (a.get("aliases") != null) {
          out.add("aliases: " + a.get("aliases"));
        }
        if (a.get("source") != null) {
          out.add("source: " + a.get("source"));
        }
      }
      default -> { }
    }
    return out;
  }

  private static String files(long n) {
    return n + (n == 1 ? " file" : " files");
  }

  static String shortHash(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String units = "KMGTPE";
    int u = -1;
    double v = n;
    while (v >= 1024 && u < units.length() - 1) {
      v /= 1024;
      u++;
    }
    // One decimal by hand: String.format parses its pattern on every call, and folders are many.
    long tenths = Math.round(v * 10);
    return tenths / 10 + "." + tenths % 10 + " " + units.charAt(u) + "iB";
  }
}
