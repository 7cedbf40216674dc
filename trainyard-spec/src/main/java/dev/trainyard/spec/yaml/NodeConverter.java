package dev.trainyard.spec.yaml;

import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.SpecException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Turns SnakeYAML nodes into YNodes, counting every node and every scalar character visited, and
 * the depth reached, with each alias use counted again, so alias bombs stop early.
 */
final class NodeConverter {
  private final String file;
  private final String text;
  private final YamlReader.Offsets offsets;
  private int visited;
  private long chars;
  private boolean aliased;
  private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
  private final Map<Node, Boolean> seen = new IdentityHashMap<>();

  NodeConverter(String file, String text, YamlReader.Offsets offsets) {
    this.file = file;
    this.text = text;
    this.offsets = offsets;
  }

  /**
   * Converts {@code node}, found at {@code path}; {@code site} is where it is used (for an alias,
   * the key or list holding it), and {@code depth} the number of collections around it.
   */
  YNode convert(Node node, String path, SourceSpan site, int depth) throws SpecException {
    return convert(node, path, site, depth, null);
  }

  /** {@code aliasSite}: where the alias being expanded is used, or null outside alias expansions. */
  private YNode convert(Node node, String path, SourceSpan site, int depth, SourceSpan aliasSite)
      throws SpecException {
    boolean again = seen.put(node, Boolean.TRUE) != null;
    aliased |= again;
    if (again && aliasSite == null) {
      aliasSite = site;
    }
    SourceSpan at = aliasSite != null ? aliasSite : span(node.getStartMark());
    if (onPath.put(node, Boolean.TRUE) != null) {
      throw YamlReader.failAt(at, path, "recursive alias: a node contains itself", "an alias cannot refer to a node around it");
    }
    if (++visited > YamlReader.MAX_NODES) {
      throw YamlReader.failAt(at, path, "document expands to more than " + YamlReader.MAX_NODES + " nodes"
          + (aliased ? " through aliases (an alias bomb?)" : ""), aliased ? "do not nest anchors and aliases" : null);
    }
    if (node instanceof ScalarNode sn && (chars += sn.getValue().length()) > YamlReader.MAX_EXPANDED_CHARS && aliased) {
      throw YamlReader.failAt(at, path, "aliases expand the document to more than " + YamlReader.MAX_EXPANDED_CHARS
          + " characters (an alias bomb?)", "do not repeat large values through aliases");
    }
    if (!(node instanceof ScalarNode) && depth >= YamlReader.MAX_DEPTH) {
      throw YamlReader.failAt(at, path, "nesting deeper than " + YamlReader.MAX_DEPTH + " levels through aliases", "do not nest aliases");
    }
    try {
      return switch (node.getNodeType()) {
        case SCALAR -> scalar((ScalarNode) node);
        case SEQUENCE -> sequence((SequenceNode) node, path, depth, aliasSite);
        case MAPPING -> mapping((MappingNode) node, path, depth, aliasSite);
        case ANCHOR -> throw YamlReader.failAt(at, path, "unsupported YAML anchor node", null);
      };
    } finally {
      onPath.remove(node);
    }
  }

  private SourceSpan span(Optional<Mark> mark) {
    return YamlReader.span(file, mark, offsets);
  }

  private YNode.Scalar scalar(ScalarNode n) {
    return new YNode.Scalar(n.getValue(), n.isPlain(), valueStart(n.getStartMark()), span(n.getEndMark()));
  }

  /**
   * Where a scalar's text begins: SnakeYAML starts a node at its anchor or tag ({@code &a !!str
   * x}), but positions inside the value are counted from the value.
   */
  private SourceSpan valueStart(Optional<Mark> mark) {
    SourceSpan at = span(mark);
    if (mark.isEmpty() || at.offset() < offsets.shift) {
      return at;
    }
    int i = at.offset() - offsets.shift;
    int col = at.column();
    boolean moved = false;
    for (int k = 0; k < 2 && i < text.length() && (text.charAt(i) == '&' || text.charAt(i) == '!'); k++) {
      while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) < 0) {
        i += Character.charCount(text.codePointAt(i));
        col++;
      }
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
        col++;
      }
      moved = true;
    }
    if (!moved || i >= text.length() || text.charAt(i) == '\r' || text.charAt(i) == '\n' || text.charAt(i) == '#') {
      return at; // the value starts on a later line: keep the anchor's place
    }
    return new SourceSpan(at.file(), at.line(), col, i + offsets.shift);
  }

  private YNode sequence(SequenceNode n, String path, int depth, SourceSpan aliasSite) throws SpecException {
    SourceSpan at = span(n.getStartMark());
    List<YNode> items = new java.util.ArrayList<>(n.getValue().size());
    for (Node child : n.getValue()) {
      items.add(convert(child, path + "[" + items.size() + "]", at, depth + 1, aliasSite));
    }
    return new YNode.Sequence(items, at);
  }

  private YNode mapping(MappingNode n, String path, int depth, SourceSpan aliasSite) throws SpecException {
    Map<String, YNode.Entry> entries = new LinkedHashMap<>();
    for (NodeTuple t : n.getValue()) {
      Node k = t.getKeyNode();
      if (!(k instanceof ScalarNode sk)) {
        throw YamlReader.failAt(span(k.getStartMark()), path, "mapping key is " + (k instanceof MappingNode ? "a mapping"
            : "a list") + "; keys must be plain names", "a value like {{X}} or {a: b} is not a key");
      }
      if (sk.isPlain() && sk.getValue().equals("<<")) {
        throw YamlReader.failAt(span(k.getStartMark()), path, "merge keys (<<) are not supported", "write the keys out");
      }
      YNode.Scalar key = scalar(sk);
      if (seen.put(sk, Boolean.TRUE) != null) {
        aliased = true;
      }
      if ((chars += key.value().length()) > YamlReader.MAX_EXPANDED_CHARS && aliased) {
        throw YamlReader.failAt(aliasSite != null ? aliasSite : key.at(), path, "aliases expand the document to more than "
            + YamlReader.MAX_EXPANDED_CHARS + " characters (an alias bomb?)", "do not repeat large values through aliases");
      }
      YNode.Entry previous = entries.get(key.value());
      if (previous != null) {
        throw YamlReader.failAt(key.at(), YamlReader.join(path, key.value()), "duplicate key '" + key.value() + "' (first at line "
            + previous.key().at().line() + ")", "remove one of them");
      }
      entries.put(key.value(), new YNode.Entry(key, convert(t.getValueNode(), YamlReader.join(path, key.value()), key.at(),
          depth + 1, aliasSite)));
    }
    return new YNode.Mapping(entries, span(n.getStartMark()));
  }
}
