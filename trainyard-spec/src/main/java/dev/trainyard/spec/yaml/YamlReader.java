package dev.trainyard.spec.yaml;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.SpecException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads one YAML document into {@link YNode}s, refusing hostile input with a located error in
 * bounded time and memory: oversized files, bytes that are not UTF-8, nesting deeper than {@link
 * #MAX_DEPTH}, alias expansion beyond {@link #MAX_NODES}, duplicate keys, non-scalar keys, several
 * documents, and unfilled template placeholders such as {@code {{MODEL_VERSION}}}.
 */
public final class YamlReader {
  /** Largest file accepted. Real pipeline files are a few kilobytes. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;
  /** Deepest nesting accepted; real files stay under 10. */
  public static final int MAX_DEPTH = 100;
  /** Most nodes a document may expand to, counting each alias use. */
  public static final int MAX_NODES = 200_000;

  private static final Pattern MUSTACHE = Pattern.compile("(?<![$\\w])\\{\\{\\s*([A-Za-z_][\\w.\\-]*)\\s*}}");

  private YamlReader() {}

  /** Decodes and reads {@code bytes}, naming {@code file} in every error. */
  public static YNode read(String file, byte[] bytes) throws SpecException {
    if (bytes.length > MAX_BYTES) {
      throw fail(SourceSpan.of(file), "file is " + bytes.length + " bytes; Trainyard reads spec files"
          + " of at most " + MAX_BYTES + " bytes", "pipeline files are normally a few kilobytes");
    }
    return read(file, decode(file, bytes));
  }

  /** Reads already-decoded text. */
  public static YNode read(String file, String text) throws SpecException {
    if (text.length() > MAX_BYTES) {
      throw fail(SourceSpan.of(file), "file has " + text.length() + " characters; Trainyard reads spec"
          + " files of at most " + MAX_BYTES, null);
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    checkPlaceholders(file, text);
    LoadSettings settings = LoadSettings.builder()
        .setLabel(file)
        .setUseMarks(true)
        .setAllowDuplicateKeys(true) // we report duplicates ourselves, with both positions
        .setMaxAliasesForCollections(100)
        .setCodePointLimit(MAX_BYTES)
        .build();
    try {
      DepthLimitedComposer composer =
          new DepthLimitedComposer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      if (!composer.hasNext()) {
        throw fail(new SourceSpan(file, 1, 1, 0), "file is empty", null);
      }
      Node root = composer.next();
      if (composer.hasNext()) {
        Node second = composer.next();
        throw fail(span(file, second.getStartMark()), "file holds more than one YAML document",
            "keep one pipeline or component per file");
      }
      return new Converter(file).convert(root, "");
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
      throw fail(span(file, mark), "not valid YAML: " + problem.strip(), null);
    } catch (YamlEngineException e) {
      throw fail(SourceSpan.of(file), "not valid YAML: " + firstLine(e.getMessage()), null);
    } catch (StackOverflowError e) {
      throw fail(SourceSpan.of(file), "YAML nested too deeply to read", "nest at most " + MAX_DEPTH + " levels");
    }
  }

  private static String decode(String file, byte[] bytes) throws SpecException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstBadByte(bytes);
      int line = 1;
      int col = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          col = 1;
        } else if ((bytes[i] & 0xC0) != 0x80) {
          col++;
        }
      }
      throw fail(new SourceSpan(file, line, col, bad),
          String.format("file is not UTF-8: byte 0x%02X at offset %d", bytes[bad] & 0xFF, bad),
          "save the file as UTF-8");
    }
  }

  private static int firstBadByte(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
      if (n < 0) {
        return i;
      }
      for (int k = 1; k <= n; k++) {
        if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += n + 1;
    }
    return Math.max(0, b.length - 1);
  }

  private static void checkPlaceholders(String file, String text) throws SpecException {
    int lineNo = 0;
    int offset = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      String code = stripComment(line);
      Matcher m = MUSTACHE.matcher(code);
      if (m.find()) {
        throw fail(new SourceSpan(file, lineNo, m.start() + 1, offset + m.start()),
            "unfilled template placeholder " + m.group() + ": this file is a template, not valid YAML",
            "replace " + m.group() + " with a real value before use");
      }
      offset += line.length() + 1;
    }
  }

  private static String stripComment(String line) {
    String t = line.stripLeading();
    if (t.startsWith("#")) {
      return "";
    }
    int hash = line.indexOf(" #");
    return hash >= 0 ? line.substring(0, hash) : line;
  }

  static SourceSpan span(String file, Optional<Mark> mark) {
    return mark.map(m -> new SourceSpan(file, m.getLine() + 1, m.getColumn() + 1, m.getIndex()))
        .orElse(SourceSpan.of(file));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "malformed YAML";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static SpecException fail(SourceSpan at, String message, String hint) {
    return failAt(at, "", message, hint);
  }

  static SpecException failAt(SourceSpan at, String path, String message, String hint) {
    return new SpecException(Diagnostic.error(at, path, message, hint));
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Composer that refuses documents nested deeper than {@link #MAX_DEPTH}, before recursion hurts. */
  private static final class DepthLimitedComposer extends Composer {
    private int depth;

    DepthLimitedComposer(LoadSettings settings, ParserImpl parser) {
      super(settings, parser);
    }

    @Override
    protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
      enter();
      try {
        return super.composeSequenceNode(anchor);
      } finally {
        depth--;
      }
    }

    @Override
    protected Node composeMappingNode(Optional<Anchor> anchor) {
      enter();
      try {
        return super.composeMappingNode(anchor);
      } finally {
        depth--;
      }
    }

    private void enter() {
      if (++depth > MAX_DEPTH) {
        throw new DepthException(parser.peekEvent().getStartMark());
      }
    }
  }

  /** Signals the depth limit from inside the composer. */
  static final class DepthException extends MarkedYamlEngineException {
    private static final long serialVersionUID = 1L;

    DepthException(Optional<Mark> mark) {
      super("", Optional.empty(), "nesting deeper than " + MAX_DEPTH + " levels", mark);
    }
  }

  /** Turns SnakeYAML nodes into YNodes, counting every node visited so alias bombs stop early. */
  private static final class Converter {
    private final String file;
    private int visited;
    private final Map<Node, Boolean> onPath = new IdentityHashMap<>();

    Converter(String file) {
      this.file = file;
    }

    YNode convert(Node node, String path) throws SpecException {
      if (++visited > MAX_NODES) {
        throw fail(span(file, node.getStartMark()), "document expands to more than " + MAX_NODES
            + " nodes (an alias bomb?)", "do not nest anchors and aliases");
      }
      if (onPath.put(node, Boolean.TRUE) != null) {
        throw fail(span(file, node.getStartMark()), "recursive alias: a node contains itself", null);
      }
      try {
        return switch (node.getNodeType()) {
          case SCALAR -> scalar((ScalarNode) node);
          case SEQUENCE -> sequence((SequenceNode) node, path);
          case MAPPING -> mapping((MappingNode) node, path);
          case ANCHOR -> throw fail(span(file, node.getStartMark()), "unsupported YAML anchor node", null);
        };
      } finally {
        onPath.remove(node);
      }
    }

    private YNode.Scalar scalar(ScalarNode n) {
      return new YNode.Scalar(n.getValue(), n.isPlain(), span(file, n.getStartMark()), span(file, n.getEndMark()));
    }

    private YNode sequence(SequenceNode n, String path) throws SpecException {
      List<YNode> items = new java.util.ArrayList<>(n.getValue().size());
      for (Node child : n.getValue()) {
        items.add(convert(child, path + "[" + items.size() + "]"));
      }
      return new YNode.Sequence(items, span(file, n.getStartMark()));
    }

    private YNode mapping(MappingNode n, String path) throws SpecException {
      Map<String, YNode.Entry> entries = new LinkedHashMap<>();
      for (NodeTuple t : n.getValue()) {
        Node k = t.getKeyNode();
        if (!(k instanceof ScalarNode sk)) {
          throw failAt(span(file, k.getStartMark()), path, "mapping key is " + (k instanceof MappingNode ? "a mapping" : "a list")
              + "; keys must be plain names", "a value like {{X}} or {a: b} is not a key");
        }
        if (sk.isPlain() && sk.getValue().equals("<<")) {
          throw fail(span(file, k.getStartMark()), "merge keys (<<) are not supported", "write the keys out");
        }
        YNode.Scalar key = scalar(sk);
        YNode.Entry previous = entries.get(key.value());
        if (previous != null) {
          throw failAt(key.at(), join(path, key.value()), "duplicate key '" + key.value() + "' (first at line " + previous.key().at().line() + ")",
              "remove one of them");
        }
        entries.put(key.value(), new YNode.Entry(key, convert(t.getValueNode(), join(path, key.value()))));
      }
      return new YNode.Mapping(entries, span(file, n.getStartMark()));
    }
  }
}
