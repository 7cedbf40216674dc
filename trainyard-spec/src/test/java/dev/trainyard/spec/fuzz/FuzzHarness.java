package dev.trainyard.spec.fuzz;

import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.SpecException;
import dev.trainyard.spec.Template;
import dev.trainyard.spec.binding.BindingParser;
import dev.trainyard.spec.binding.BindingSyntaxException;
import dev.trainyard.spec.load.SpecLoader;
import dev.trainyard.spec.plan.Validator;
import dev.trainyard.spec.yaml.YNode;
import dev.trainyard.spec.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The checks every fuzzed input must pass: the loader and validator (or the binding parser) give
 * typed results and never let out another exception or error. Shared by the Jazzer targets and the
 * seeded mutation tests.
 */
final class FuzzHarness {
  /** Name of the file a fuzzed pipeline is written to, inside {@link #workspace()}. */
  static final String INPUT = "fuzz-input.yml";

  private static Path workspace;

  /**
   * A crash found by this suite in code it does not own ({@code load/}, {@code plan/}), reported to
   * that code's owner: an exception of class {@code exception} with {@code frame} (class.method)
   * among its first few stack frames. {@link FormerCrashesTest} keeps the fixed ones fixed.
   */
  record Known(String exception, String frame, String what) {
    boolean matches(Throwable t) {
      if (!t.getClass().getName().equals(exception)) {
        return false;
      }
      StackTraceElement[] st = t.getStackTrace();
      for (int i = 0; i < Math.min(4, st.length); i++) {
        if ((st[i].getClassName() + "." + st[i].getMethodName()).equals(frame)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Known foreign crashes, tolerated (counted and printed, not failed) so that the build stays green
   * until their fixes land; then delete the entry (and keep its reproducer in {@link FormerCrashesTest}; it fails to
   * say so) and any recurrence fails. {@code -Dtrainyard.fuzz.strict=true} tolerates none.
   */
  static final List<Known> KNOWN_FOREIGN = List.of();

  private static final boolean STRICT = Boolean.getBoolean("trainyard.fuzz.strict");
  /** How often each known foreign crash was met in this JVM. */
  static final Map<String, Integer> KNOWN_HITS = new java.util.concurrent.ConcurrentHashMap<>();

  /** Folders that the seeds refer to (code, data), created next to them. */
  static final List<String> FOLDERS = List.of("train_src", "score_src", "src", "data", "script", "iris-model",
      "iris-mltable", "mlflow-model", "environment", "conda-yamls");
  /** Files that the seeds refer to (conda files, a model). */
  static final List<String> FILES = List.of("conda.yml", "environment/environment_parallel.yml",
      "conda-yamls/pydata.yml", "mlflow-model/model.pkl");

  private FuzzHarness() {}

  /** The seed files under {@code SpecFuzzTestInputs/<dir>}, by file name, in name order. */
  static Map<String, byte[]> seeds(String dir) {
    URL url = FuzzHarness.class.getResource("SpecFuzzTestInputs/" + dir);
    if (url == null) {
      throw new IllegalStateException("seed corpus SpecFuzzTestInputs/" + dir + " is not on the class path");
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      for (Path p : files.sorted().toList()) {
        out.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /**
   * A folder holding clean copies of the loader seeds, so that fuzzed pipelines find the component
   * and pipeline files they refer to by relative path. Deleted when the JVM exits.
   */
  static synchronized Path workspace() {
    if (workspace == null) {
      try {
        Path dir = Files.createTempDirectory("trainyard-fuzz");
        populate(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        workspace = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return workspace;
  }

  /** Writes the loader seeds and the folders and files they refer to into {@code dir}. */
  static void populate(Path dir) throws IOException {
    for (Map.Entry<String, byte[]> e : seeds("loader").entrySet()) {
      Files.write(dir.resolve(e.getKey()), e.getValue());
    }
    for (String folder : FOLDERS) {
      Files.createDirectories(dir.resolve(folder));
    }
    for (String f : FILES) {
      Files.writeString(dir.resolve(f), "name: x\ndependencies: [python=3.10]\n");
    }
  }

  /** Writes {@code bytes} as a spec file in the workspace and checks loading and validating it. */
  static Validator.Report checkLoader(byte[] bytes) {
    Path file = workspace().resolve(INPUT);
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return checkLoader(file, bytes);
  }

  /** Loads and validates {@code file} (holding {@code bytes}), failing on any contract breach. */
  static Validator.Report checkLoader(Path file, byte[] bytes) {
    Validator.Report report;
    try {
      report = new Validator(new SpecLoader()).validate(file);
    } catch (Throwable t) { // the contract: nothing at all escapes, not even an Error
      if (knownForeign(t)) {
        return null;
      }
      throw new ContractBreach("validate threw " + t, bytes, t);
    }
    String shownName = new SpecLoader().display(file);
    checkDiagnostics(report.diagnostics(), shownName, bytes);
    if (report.kind() == null && report.diagnostics().stream().noneMatch(Diagnostic::isError)) {
      throw new ContractBreach("no document was read, yet no error was reported: " + report.diagnostics(), bytes,
          null);
    }
    // The text entry point must agree that the file is (in)valid, and must not throw either.
    if (isUtf8(bytes)) {
      SpecLoader.Result r;
      try {
        r = new SpecLoader().loadText(file, new String(bytes, StandardCharsets.UTF_8));
      } catch (Throwable t) {
        if (knownForeign(t)) {
          return report;
        }
        throw new ContractBreach("loadText threw " + t, bytes, t);
      }
      checkDiagnostics(r.diagnostics(), shownName, bytes);
      if (r.document() == null && r.errors().isEmpty()) {
        throw new ContractBreach("loadText read no document, yet reported no error", bytes, null);
      }
    }
    return report;
  }

  /** True (and counted) if {@code t} is one of the {@link #KNOWN_FOREIGN} crashes. */
  static boolean knownForeign(Throwable t) {
    if (STRICT) {
      return false;
    }
    for (Known k : KNOWN_FOREIGN) {
      if (k.matches(t)) {
        KNOWN_HITS.merge(k.frame(), 1, Integer::sum);
        return true;
      }
    }
    return false;
  }

  /** Diagnostics are well formed; those about the input file itself point inside it. */
  private static void checkDiagnostics(List<Diagnostic> ds, String file, byte[] bytes) {
    if (ds == null) {
      throw new ContractBreach("diagnostics list is null", bytes, null);
    }
    long lines = 1;
    for (byte b : bytes) {
      if (b == '\n' || b == '\r') {
        lines++;
      }
    }
    for (Diagnostic d : ds) {
      if (d == null || d.message().isBlank()) {
        throw new ContractBreach("null or empty diagnostic: " + d, bytes, null);
      }
      if (d.line() < 0 || d.column() < 0 || d.line() > 0 && d.column() < 1
          || d.file().equals(file) && d.line() > lines) {
        throw new ContractBreach("diagnostic outside the file (" + lines + " lines): " + d, bytes, null);
      }
    }
  }

  /**
   * Reads {@code bytes} with {@link YamlReader} alone: a node tree whose every position is exact
   * (line and column agree with the offset, single-line plain scalars sit at their offset), or one
   * located error; anything else is a breach.
   */
  static void checkReader(byte[] bytes) {
    YNode root;
    try {
      root = YamlReader.read("f.yml", bytes);
    } catch (SpecException e) {
      if (e.diagnostics().size() != 1) {
        throw new ContractBreach("expected one diagnostic, got " + e.diagnostics(), bytes, e);
      }
      Diagnostic d = e.diagnostics().get(0);
      boolean unplaced = d.message().contains("nested too deeply") || d.message().contains("at most");
      if (!unplaced && d.line() < 1) {
        throw new ContractBreach("reader error without a position: " + d, bytes, e);
      }
      checkDiagnostics(e.diagnostics(), "f.yml", bytes);
      if (d.message().contains("not UTF-8")) {
        checkUtf8Error(d, bytes);
      }
      return;
    } catch (Throwable t) {
      throw new ContractBreach("YamlReader.read threw " + t, bytes, t);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    java.util.ArrayDeque<YNode> todo = new java.util.ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      YNode n = todo.pop();
      checkSpan(text, n.at(), bytes);
      if (n instanceof YNode.Scalar sc) {
        checkScalar(text, sc, bytes);
      } else if (n instanceof YNode.Mapping m) {
        for (YNode.Entry e : m.entries().values()) {
          checkScalar(text, e.key(), bytes);
          todo.push(e.value());
        }
      } else if (n instanceof YNode.Sequence q) {
        q.items().forEach(todo::push);
      }
    }
  }

  private static void checkScalar(String text, YNode.Scalar s, byte[] bytes) {
    checkSpan(text, s.at(), bytes);
    // SnakeYAML folds plain scalars at U+0085, U+2028 and U+2029 without counting them as new lines.
    boolean folded = s.end().offset() >= s.at().offset() && s.end().offset() <= text.length()
        && text.substring(s.at().offset(), s.end().offset()).matches("(?s).*[\\u0085\\u2028\\u2029].*");
    if (s.plain() && !s.value().isEmpty() && s.at().line() == s.end().line() && !folded
        && !text.startsWith(s.value(), s.at().offset())) {
      throw new ContractBreach("plain scalar '" + s.value() + "' is not at its offset " + s.at(), bytes, null);
    }
  }

  private static void checkSpan(String text, dev.trainyard.spec.SourceSpan at, byte[] bytes) {
    if (at.offset() < 0 || at.offset() > text.length()) {
      throw new ContractBreach("offset outside the text: " + at.offset(), bytes, null);
    }
    int line = 1;
    int col = 1;
    for (int i = text.startsWith("\uFEFF") ? 1 : 0; i < at.offset(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        line++;
        col = 1;
      } else if (c != '\r' && !Character.isLowSurrogate(c)) {
        col++;
      }
    }
    if (line != at.line() || col != at.column()) {
      throw new ContractBreach("offset " + at.offset() + " is " + line + ":" + col + ", not " + at, bytes, null);
    }
  }

  /** The reported byte is the first that does not decode, on the reported line and column. */
  private static void checkUtf8Error(Diagnostic d, byte[] bytes) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("offset (\\d+)").matcher(d.message());
    if (!m.find()) {
      throw new ContractBreach("UTF-8 error without its offset: " + d, bytes, null);
    }
    int bad = Integer.parseInt(m.group(1));
    byte[] before = java.util.Arrays.copyOf(bytes, bad);
    // The prefix decodes, except for a sequence cut at its end: find the last complete character.
    int cut = bad;
    while (cut > 0 && cut > bad - 3 && !isUtf8(java.util.Arrays.copyOf(bytes, cut))) {
      cut--;
    }
    if (!isUtf8(java.util.Arrays.copyOf(bytes, cut)) || isUtf8(bytes)) {
      throw new ContractBreach("offset " + bad + " is not where decoding fails: " + d, bytes, null);
    }
    String text = new String(before, 0, cut, StandardCharsets.UTF_8);
    checkSpan(text, new dev.trainyard.spec.SourceSpan("f.yml", d.line(), d.column(), text.length()), bytes);
  }

  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Parses {@code raw} as a binding template: either a template true to its input or a {@link
   * BindingSyntaxException} pointing into it; anything else is a breach.
   */
  static Template checkBinding(String raw) {
    byte[] shown = raw.getBytes(StandardCharsets.UTF_8);
    Template t;
    try {
      t = BindingParser.parse(raw);
    } catch (BindingSyntaxException e) {
      if (e.offset() < 0 || e.offset() > raw.length()) {
        throw new ContractBreach("offset " + e.offset() + " outside the input", shown, e);
      }
      if (e.getMessage() == null || e.getMessage().isBlank()) {
        throw new ContractBreach("syntax error without a message", shown, e);
      }
      if (!BindingParser.mayBind(raw)) {
        throw new ContractBreach("plain text rejected: " + e.getMessage(), shown, e);
      }
      return null;
    } catch (Throwable t2) {
      throw new ContractBreach("BindingParser.parse threw " + t2, shown, t2);
    }
    if (t == null || !raw.equals(t.raw())) {
      throw new ContractBreach("template does not keep its raw text", shown, null);
    }
    if (!BindingParser.mayBind(raw) && t.hasBindings()) {
      throw new ContractBreach("bindings found in plain text", shown, null);
    }
    checkParts(raw, t.parts(), false, shown);
    return t;
  }

  private static void checkParts(String raw, List<Template.Part> parts, boolean inOptional, byte[] shown) {
    for (Template.Part p : parts) {
      if (p instanceof Template.Ref r) {
        if (r.binding() == null || r.binding().scope() == null || !raw.startsWith("${{", r.offset())) {
          throw new ContractBreach("binding part does not point at '${{': " + r, shown, null);
        }
      } else if (p instanceof Template.Optional o) {
        if (inOptional || !raw.startsWith("$[[", o.offset())
            || o.parts().stream().noneMatch(q -> q instanceof Template.Ref)) {
          throw new ContractBreach("malformed optional fragment accepted: " + o, shown, null);
        }
        checkParts(raw, o.parts(), true, shown);
      } else if (p instanceof Template.Text x && (x.text() == null || x.text().isEmpty())) {
        throw new ContractBreach("empty text part", shown, null);
      }
    }
  }

  /** Java-string-like rendering of an input, short enough for a failure message. */
  static String show(byte[] bytes) {
    StringBuilder sb = new StringBuilder("\"");
    int n = Math.min(bytes.length, 4000);
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      switch (b) {
        case '\n' -> sb.append("\\n\"\n + \"");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (b < 0x20 || b >= 0x7F) {
            sb.append(String.format("\\x%02X", b));
          } else {
            sb.append((char) b);
          }
        }
      }
    }
    if (bytes.length > n) {
      sb.append("... (").append(bytes.length).append(" bytes in all)");
    }
    return sb.append('"').toString();
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort: a temp folder
    }
  }

  /** A broken contract, carrying the input that broke it. */
  static final class ContractBreach extends AssertionError {
    private static final long serialVersionUID = 1L;
    final transient byte[] input;

    ContractBreach(String what, byte[] input, Throwable cause) {
      super(what + "\ninput (" + input.length + " bytes):\n" + show(input), cause);
      this.input = input.clone();
    }

    /** Exception class and first frames: what tells two breaches apart. */
    String signature() {
      Throwable c = getCause();
      if (c == null) {
        String m = getMessage();
        return m.substring(0, Math.min(m.indexOf('\n') < 0 ? m.length() : m.indexOf('\n'), 60));
      }
      List<String> frames = new ArrayList<>();
      for (StackTraceElement e : c.getStackTrace()) {
        if (frames.size() == 2) {
          break;
        }
        frames.add(e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber());
      }
      return c.getClass().getName() + " at " + frames;
    }
  }
}
