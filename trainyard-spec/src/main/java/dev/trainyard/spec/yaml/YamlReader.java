package dev.trainyard.spec.yaml;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.SpecException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
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
  /** Most nodes a document may hold, and expand to counting each alias use. */
  public static final int MAX_NODES = 200_000;
  /**
   * Most characters of scalar text a document may expand to, counting each alias use: without
   * aliases the text of the scalars never exceeds the file, so only alias bombs built from large
   * scalars reach this.
   */
  public static final int MAX_EXPANDED_CHARS = MAX_BYTES;

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
    // A byte order mark is accepted and invisible: columns ignore it, offsets still count it.
    int shift = 0;
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
      shift = 1;
    }
    checkPlaceholders(file, text, shift);
    Offsets offsets = new Offsets(text, shift);
    LoadSettings settings = LoadSettings.builder()
        .setLabel(file)
        .setUseMarks(true)
        .setAllowDuplicateKeys(true) // we report duplicates ourselves, with both positions
        .setAllowNonScalarKeys(true) // and non-scalar keys, with their path and a hint
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(100)
        .setCodePointLimit(MAX_BYTES)
        // Read the whole text into the window at once: with the default 1 KiB window SnakeYAML copies
        // the window for every KiB of a long token, which is quadratic in the token's length.
        .setBufferSize(text.length() + 1)
        .build();
    StreamReader reader = new StreamReader(settings, text);
    try {
      LimitedComposer composer = new LimitedComposer(settings, new ParserImpl(settings, reader));
      if (!composer.hasNext()) {
        throw fail(new SourceSpan(file, 1, 1, shift), "file is empty", null);
      }
      Node root = composer.next();
      if (composer.hasNext()) {
        Node second = composer.next();
        throw fail(span(file, second.getStartMark(), offsets), "file holds more than one YAML document",
            "keep one pipeline or component per file");
      }
      return new NodeConverter(file, text, offsets).convert(root, "", span(file, root.getStartMark(), offsets), 0);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
      SourceSpan at = span(file, mark, offsets);
      if (problem.contains("DEL character") && mark.isPresent()) {
        // SnakeYAML points at the start of the plain scalar; point at the character itself.
        int from = text.offsetByCodePoints(0, Math.min(mark.get().getIndex(), text.codePointCount(0, text.length())));
        int del = text.indexOf('\u007F', from);
        if (del >= 0) {
          at = atCodePoint(file, text, text.codePointCount(0, del), shift);
        }
      }
      throw e instanceof LimitException
          ? fail(at, problem, "spec files nest at most " + MAX_DEPTH + " levels and hold at most " + MAX_NODES
              + " values")
          : fail(at, "not valid YAML: " + problem.strip(), null);
    } catch (ReaderException e) {
      // A character YAML forbids (NUL, other control characters, U+FFFE): SnakeYAML gives only its
      // index in code points, so find its line and column here.
      int cp = e.getCodePoint();
      throw fail(atCodePoint(file, text, e.getPosition(), shift), String.format("not valid YAML: %s U+%04X is"
          + " not allowed in YAML", Character.isISOControl(cp) ? "control character" : "character", cp),
          "remove it, or write it as an escape such as \\u0000 inside double quotes");
    } catch (YamlEngineException e) {
      throw fail(at(file, reader, offsets), "not valid YAML: " + firstLine(e.getMessage()), null);
    } catch (StackOverflowError e) {
      // The composer stops nesting at MAX_DEPTH, so the stack was nearly used up before this file.
      throw fail(SourceSpan.of(file), "nested too deeply to read: out of stack space",
          "nest YAML at most " + MAX_DEPTH + " levels, and components referring to components much less");
    } catch (RuntimeException e) {
      // SnakeYAML's own slips on hostile text (a NumberFormatException for "\UFFFFFFFF"): still a
      // located syntax error, never an exception for the caller.
      throw fail(at(file, reader, offsets), "not valid YAML: cannot read the text here ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")",
          "check escapes and special characters near this place");
    }
  }

  /** Where the reader stopped. */
  private static SourceSpan at(String file, StreamReader reader, Offsets offsets) {
    return new SourceSpan(file, reader.getLine() + 1, reader.getColumn() + 1, offsets.of(reader.getIndex()));
  }

  /** Line and column of the code point at {@code index} (counted in code points, as SnakeYAML does). */
  private static SourceSpan atCodePoint(String file, String text, int index, int shift) {
    int line = 1;
    int col = 1;
    int i = 0;
    for (int cps = 0; i < text.length() && cps < index; cps++) {
      char c = text.charAt(i);
      i += Character.charCount(text.codePointAt(i));
      if (c == '\n' || c == '\r' && (i >= text.length() || text.charAt(i) != '\n')) {
        line++;
        col = 1;
      } else if (c != '\r') {
        col++;
      }
    }
    return new SourceSpan(file, line, col, i + shift);
  }

  private static String decode(String file, byte[] bytes) throws SpecException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (result.isError()) {
      // The decoder stops at the first bad byte (overlong forms, surrogates and truncated sequences
      // included), having decoded everything before it: count lines and columns in that text.
      int bad = in.position();
      int line = 1;
      int col = 1;
      for (int i = 0; i < out.length(); i++) {
        char c = out.charAt(i);
        if (c == '\n' || c == '\r' && (i + 1 >= out.length() || out.charAt(i + 1) != '\n')) {
          line++;
          col = 1;
        } else if (c != '\r' && !Character.isLowSurrogate(c) && !(i == 0 && c == '\uFEFF')) {
          col++;
        }
      }
      throw fail(new SourceSpan(file, line, col, out.length()),
          String.format("file is not UTF-8: byte 0x%02X at offset %d", bytes[bad] & 0xFF, bad),
          "save the file as UTF-8");
    }
    return out.toString();
  }

  private static void checkPlaceholders(String file, String text, int shift) throws SpecException {
    if (!mayHavePlaceholder(text)) {
      return; // the usual case: every "{{" belongs to a "${{" binding
    }
    int lineNo = 0;
    int offset = 0;
    // Lines end at \n, \r\n or a lone \r, as in YAML.
    for (String line : text.split("\r\n|\r|\n", -1)) {
      lineNo++;
      String code = stripComment(line);
      Matcher m = MUSTACHE.matcher(code);
      if (m.find()) {
        throw fail(new SourceSpan(file, lineNo, line.codePointCount(0, m.start()) + 1, offset + m.start() + shift),
            "unfilled template placeholder " + m.group() + ": this file is a template, not valid YAML",
            "replace " + m.group() + " with a real value before use");
      }
      offset += line.length();
      offset += offset < text.length() && text.charAt(offset) == '\r' && offset + 1 < text.length()
          && text.charAt(offset + 1) == '\n' ? 2 : 1;
    }
  }

  /** A quick scan for a "{{" not preceded by '$', before the line-by-line regex check. */
  private static boolean mayHavePlaceholder(String text) {
    for (int i = text.indexOf("{{"); i >= 0; i = text.indexOf("{{", i + 2)) {
      if (i == 0 || text.charAt(i - 1) != '$') {
        return true;
      }
    }
    return false;
  }

  private static String stripComment(String line) {
    String t = line.stripLeading();
    if (t.startsWith("#")) {
      return "";
    }
    int hash = line.indexOf(" #");
    return hash >= 0 ? line.substring(0, hash) : line;
  }

  static SourceSpan span(String file, Optional<Mark> mark, Offsets offsets) {
    return mark.map(m -> new SourceSpan(file, m.getLine() + 1, m.getColumn() + 1, offsets.of(m.getIndex())))
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

  /**
   * Composer that refuses documents nested deeper than {@link #MAX_DEPTH} before recursion hurts,
   * and documents of more than {@link #MAX_NODES} nodes before they fill memory.
   */
  private static final class LimitedComposer extends Composer {
    private int depth;
    private int nodes;

    LimitedComposer(LoadSettings settings, ParserImpl parser) {
      super(settings, parser);
    }

    @Override
    protected Node composeScalarNode(Optional<Anchor> anchor, List<CommentLine> blockComments) {
      count();
      return super.composeScalarNode(anchor, blockComments);
    }

    @Override
    protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
      count();
      enter();
      try {
        return super.composeSequenceNode(anchor);
      } finally {
        depth--;
      }
    }

    @Override
    protected Node composeMappingNode(Optional<Anchor> anchor) {
      count();
      enter();
      try {
        return super.composeMappingNode(anchor);
      } finally {
        depth--;
      }
    }

    private void count() {
      if (++nodes > MAX_NODES) {
        throw new LimitException(parser.peekEvent().getStartMark(), "document has more than " + MAX_NODES
            + " values; spec files are far smaller");
      }
    }

    private void enter() {
      if (++depth > MAX_DEPTH) {
        throw new LimitException(parser.peekEvent().getStartMark(), "nesting deeper than " + MAX_DEPTH + " levels");
      }
    }
  }

  /**
   * Turns SnakeYAML's indexes, counted in code points of the text after any byte order mark, into
   * {@link SourceSpan} offsets: {@code char} indexes into the text as given.
   */
  static final class Offsets {
    final int shift;
    private final int[] charAt; // null when every code point is one char

    Offsets(String text, int shift) {
      this.shift = shift;
      int[] table = null;
      // Text without surrogates (all of it, usually) has as many code points as chars; for
      // Latin-1 text the JDK answers that without a scan, where this loop looked at every char.
      int from = text.codePointCount(0, text.length()) == text.length() ? text.length() : 0;
      for (int i = from; i < text.length(); i++) {
        if (Character.isSurrogate(text.charAt(i))) {
          table = new int[text.codePointCount(0, text.length()) + 1];
          int cp = 0;
          for (int k = 0; k < text.length(); k += Character.charCount(text.codePointAt(k))) {
            table[cp++] = k;
          }
          table[cp] = text.length();
          break;
        }
      }
      this.charAt = table;
    }

    int of(int codePointIndex) {
      if (charAt == null || codePointIndex < 0) {
        return codePointIndex + shift;
      }
      return charAt[Math.min(codePointIndex, charAt.length - 1)] + shift;
    }
  }

  /** Signals a limit from inside the composer. */
  static final class LimitException extends MarkedYamlEngineException {
    private static final long serialVersionUID = 1L;

    LimitException(Optional<Mark> mark, String problem) {
      super("", Optional.empty(), problem, mark);
    }
  }
}
