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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    Pattern pat = Pattern.compile("\\$\\{\\{\\s*" + Pattern.quote(r.binding().text()) + "\\s*}}");
    int last = Math.min(lines.length, Math.max(s.end().line(), s.at().line()));
    for (int ln = cursor[0]; ln >= 1 && ln <= last; ln++) {
      Matcher m = pat.matcher(lines[ln - 1]);
      int from = ln == cursor[0] ? Math.min(cursor[1], lines[ln - 1].length()) : 0;
      if (m.find(from)) {
        cursor[0] = ln;
        cursor[1] = m.end();
        return new SourceSpan(file, ln, m.start() + 1, -1);
      }
    }
    return s.at();
  }

  /** Best position for an offset into a scalar's value: exact on one-line scalars. */
  SourceSpan locateOffset(YNode.Scalar s, int offset) {
    if (s.at().line() == s.end().line() && s.at().line() >= 1) {
      int quote = s.plain() ? 0 : 1;
      return new SourceSpan(file, s.at().line(), s.at().column() + quote + offset, -1);
    }
    return s.at();
  }

  /** A display path for a file reached from this one. */
  String display(Path p) {
    return loader.display(p);
  }
}
