package dev.trainyard.spec.load;

import dev.trainyard.spec.Reference;
import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.Template;
import dev.trainyard.spec.binding.BindingParser;
import dev.trainyard.spec.binding.BindingSyntaxException;
import dev.trainyard.spec.yaml.YNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading one file needs: its name for messages, its folder for relative paths, its lines for
 * locating bindings inside multi-line values, the diagnostics sink and the loader (for components
 * referenced by path).
 */
final class Ctx {
  final String file;
  final Path source;
  final Path baseDir;
  final Diagnostics out;
  final SpecLoader loader;
  private final String[] lines;

  Ctx(String file, Path source, String text, Diagnostics out, SpecLoader loader) {
    this.file = file;
    this.source = source;
    Path parent = source.toAbsolutePath().getParent();
    this.baseDir = parent == null ? Path.of(".").toAbsolutePath() : parent;
    this.out = out;
    this.loader = loader;
    this.lines = text.split("\n", -1);
  }

  MapReader reader(YNode.Mapping m, String path, java.util.Set<String> known, String what) {
    return new MapReader(m, path, out, known, what);
  }

  /** Parses a scalar as a template, reporting syntax errors at their exact place. Null on error. */
  Template template(YNode.Scalar s, String path) {
    try {
      Template t = BindingParser.parse(s.value());
      return locate(t, s);
    } catch (BindingSyntaxException e) {
      out.error(locateOffset(s, e.offset()), path, e.getMessage(), null);
      return null;
    }
  }

  /** Parses a reference, reporting a malformed one. Null on error. */
  Reference reference(YNode.Scalar s, String path) {
    try {
      Reference r = ReferenceParser.parse(s.value(), baseDir);
      if (r instanceof Reference.Bound b) {
        return new Reference.Bound(b.raw(), locate(b.template(), s));
      }
      return r;
    } catch (IllegalArgumentException e) {
      out.error(s.at(), path, e.getMessage(), null);
      return null;
    }
  }

  /** Gives every binding in {@code t} its source position, found in the scalar's source lines. */
  private Template locate(Template t, YNode.Scalar s) {
    List<Template.Part> parts = new ArrayList<>();
    int[] cursor = {s.at().line(), Math.max(0, s.at().column() - 1)};
    for (Template.Part p : t.parts()) {
      parts.add(relocate(p, s, cursor));
    }
    return new Template(t.raw(), parts);
  }

  private Template.Part relocate(Template.Part p, YNode.Scalar s, int[] cursor) {
    if (p instanceof Template.Ref r) {
      return new Template.Ref(r.binding(), r.offset(), find(r, s, cursor));
    }
    if (p instanceof Template.Optional o) {
      List<Template.Part> inner = new ArrayList<>();
      for (Template.Part q : o.parts()) {
        inner.add(relocate(q, s, cursor));
      }
      return new Template.Optional(inner, o.offset());
    }
    return p;
  }

  private SourceSpan find(Template.Ref r, YNode.Scalar s, int[] cursor) {
    String want = r.binding().text();
    int last = Math.min(lines.length, Math.max(s.end().line(), s.at().line()));
    for (int ln = cursor[0]; ln >= 1 && ln <= last; ln++) {
      String line = lines[ln - 1];
      int from = ln == cursor[0] ? Math.min(cursor[1], line.length()) : 0;
      // Plain string search rather than a regex per binding: this runs for every binding of a file.
      for (int i = line.indexOf("${{", from); i >= 0; i = line.indexOf("${{", i + 3)) {
        int close = line.indexOf("}}", i + 3);
        if (close >= 0 && line.substring(i + 3, close).strip().equals(want)) {
          cursor[0] = ln;
          cursor[1] = close + 2;
          return new SourceSpan(file, ln, i + 1, -1);
        }
      }
    }
    return s.at();
  }

  /**
   * Best position for an offset into a scalar's value: exact on one-line scalars; on multi-line
   * ones (folded {@code >-} and literal {@code |} commands) the word at the offset is found in the
   * source lines, since folding changes line breaks but not the {@code ${{...}}}, {@code $[[} or
   * {@code <NAME>} the offset points at. Falls back to the scalar's start.
   */
  SourceSpan locateOffset(YNode.Scalar s, int offset) {
    if (s.at().line() == s.end().line() && s.at().line() >= 1) {
      int quote = s.plain() ? 0 : 1;
      return new SourceSpan(file, s.at().line(), s.at().column() + quote + offset, -1);
    }
    String value = s.value();
    if (s.at().line() < 1 || offset < 0 || offset >= value.length()) {
      return s.at();
    }
    int end = offset;
    while (end < value.length() && end - offset < 40 && !Character.isWhitespace(value.charAt(end))) {
      end++;
    }
    String word = value.substring(offset, end);
    int nth = 0; // occurrences of the word before the offset: the source has them in the same order
    for (int i = value.indexOf(word); i >= 0 && i < offset; i = value.indexOf(word, i + 1)) {
      nth++;
    }
    int last = Math.min(lines.length, s.end().line());
    for (int ln = s.at().line(); ln <= last; ln++) {
      String line = lines[ln - 1];
      int from = ln == s.at().line() ? Math.min(line.length(), Math.max(0, s.at().column() - 1)) : 0;
      for (int i = line.indexOf(word, from); i >= 0; i = line.indexOf(word, i + 1)) {
        if (nth-- == 0) {
          return new SourceSpan(file, ln, i + 1, -1);
        }
      }
    }
    return s.at();
  }

  /** A display path for a file reached from this one. */
  String display(Path p) {
    return loader.display(p);
  }
}
