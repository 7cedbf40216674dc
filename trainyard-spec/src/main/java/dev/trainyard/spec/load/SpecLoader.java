package dev.trainyard.spec.load;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.DataAssetSpec;
import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.EnvironmentSpec;
import dev.trainyard.spec.IoType;
import dev.trainyard.spec.Meta;
import dev.trainyard.spec.ModelSpec;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.SpecDocument;
import dev.trainyard.spec.SpecException;
import dev.trainyard.spec.registry.Registry;
import dev.trainyard.spec.yaml.YNode;
import dev.trainyard.spec.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads Azure ML CLI v2 YAML files into spec objects. Never throws for bad input: every problem
 * becomes a {@link Diagnostic} in the {@link Result}. Components referenced by path are loaded
 * once per loader and shared.
 */
public final class SpecLoader {
  private final Registry registry;
  private final Path cwd = Path.of("").toAbsolutePath();
  private final Map<Path, Component> components = new HashMap<>();
  private final Map<Path, List<Diagnostic>> componentFindings = new HashMap<>();
  private final Deque<Path> loading = new ArrayDeque<>();
  /** Deepest chain of component files loaded through one another (each level costs stack). */
  static final int MAX_NESTING = 32;

  public SpecLoader(Registry registry) {
    this.registry = registry;
  }

  public SpecLoader() {
    this(Registry.NONE);
  }

  /** Every YAML file this loader read from disk (or took from {@link #recorded}), by absolute path, in order. */
  private final Map<Path, byte[]> read = new java.util.LinkedHashMap<>();
  private Map<Path, byte[]> recorded = Map.of();

  /**
   * Reads these files' bytes instead of what lies on disk under their absolute paths: a rerun
   * loads the component files exactly as its run read them, though they changed since.
   */
  public SpecLoader recorded(Map<Path, byte[]> files) {
    this.recorded = Map.copyOf(files);
    return this;
  }

  /** The YAML files read so far (the pipeline file and its component files), by absolute path. */
  public Map<Path, byte[]> filesRead() {
    return java.util.Collections.unmodifiableMap(read);
  }

  /**
   * What loading one file gave: the document (null when it could not be read at all) and every
   * finding, errors and warnings, in the order found.
   */
  public record Result(Path file, SpecDocument document, List<Diagnostic> diagnostics) {
    public boolean valid() {
      return document != null && diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
      return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
      return diagnostics.stream().filter(d -> !d.isError()).toList();
    }
  }

  public Registry registry() {
    return registry;
  }

  /** Loads {@code file}. */
  public Result load(Path file) {
    Diagnostics out = new Diagnostics();
    SpecDocument doc = load(file, out);
    return new Result(file, doc, out.all());
  }

  /** Loads {@code file}, adding findings to {@code out}; null when it could not be read. */
  public SpecDocument load(Path file, Diagnostics out) {
    String name = display(file);
    byte[] bytes;
    Path abs = file.toAbsolutePath().normalize();
    if (recorded.containsKey(abs)) {
      bytes = recorded.get(abs);
      read.put(abs, bytes);
      return parse(file, name, bytes, out);
    }
    try {
      if (Files.isDirectory(file)) {
        out.error(SourceSpan.of(name), "", "is a folder, not a YAML file", null);
        return null;
      }
      long size = Files.size(file);
      if (size > YamlReader.MAX_BYTES) {
        out.error(SourceSpan.of(name), "", "file is " + size + " bytes; Trainyard reads spec files of at most "
            + YamlReader.MAX_BYTES + " bytes", "pipeline files are normally a few kilobytes");
        return null;
      }
      bytes = Files.readAllBytes(file);
      read.put(abs, bytes);
    } catch (IOException | SecurityException e) {
      out.error(SourceSpan.of(name), "", "cannot read file: " + (e instanceof java.nio.file.NoSuchFileException
          ? "no such file" : e.getMessage()), null);
      return null;
    }
    return parse(file, name, bytes, out);
  }

  /**
   * Loads {@code file} as a component whatever its {@code $schema} or {@code version} say (as
   * {@code az ml component create -f} does): a {@code type: command} file without either is
   * otherwise a command job.
   */
  public Result loadComponent(Path file) {
    expectComponent = true;
    try {
      return load(file);
    } finally {
      expectComponent = false;
    }
  }

  private boolean expectComponent;

  /** True while {@link #loadComponent} reads its top-level document. */
  boolean expectsComponent() {
    return expectComponent;
  }

  /** Loads YAML text as if read from {@code file} (used by tests and the fuzzer). */
  public Result loadText(Path file, String text) {
    Diagnostics out = new Diagnostics();
    SpecDocument doc = parse(file, display(file), text.getBytes(java.nio.charset.StandardCharsets.UTF_8), out);
    return new Result(file, doc, out.all());
  }

  private SpecDocument parse(Path file, String name, byte[] bytes, Diagnostics out) {
    YNode root;
    String text;
    try {
      root = YamlReader.read(name, bytes);
      text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1); // as YamlReader does, so that columns on line 1 agree
      }
    } catch (SpecException e) {
      out.addAll(e.diagnostics());
      return null;
    }
    if (!(root instanceof YNode.Mapping map)) {
      out.error(root.at(), "", "expected a mapping at the top of the file, found " + root.kindWord(), null);
      return null;
    }
    Ctx ctx = new Ctx(name, file, text, out, this);
    new PlaceholderCheck(ctx).scan(root, "");
    return new DocumentReader(ctx).read(map);
  }

  /** Resolves a step's {@code component:} reference to a loaded component, or reports why not. */
  Component resolveComponent(Reference ref, SourceSpan at, String path, Ctx ctx) {
    if (ref instanceof Reference.LocalPath lp) {
      return componentFile(lp.path(), at, path, ctx);
    }
    if (ref instanceof Reference.Registered reg) {
      var found = registry.findComponent(reg);
      if (found.isPresent()) {
        return componentFile(found.get(), at, path, ctx);
      }
      ctx.out.error(at, path, "component '" + reg.display() + "' is not registered in this workspace",
          "register it with 'trainyard component create -f FILE', or refer to the file by path");
      return null;
    }
    if (ref instanceof Reference.RegistryUri uri) {
      ctx.out.error(at, path, "component '" + uri.name() + "' lives in the Azure ML registry '" + uri.registry()
          + "', which Trainyard cannot reach", "copy the component's YAML next to the pipeline and refer to it by path");
      return null;
    }
    ctx.out.error(at, path, "a component must be a file path or azureml:NAME:VERSION, found '" + ref.raw() + "'", null);
    return null;
  }

  private Component componentFile(Path file, SourceSpan at, String path, Ctx ctx) {
    Path key = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(key)) {
      ctx.out.error(at, path, "component file '" + display(key) + "' does not exist",
          "paths are relative to the folder of " + ctx.file);
      return null;
    }
    if (loading.contains(key)) {
      ctx.out.error(at, path, "component '" + display(key) + "' refers to itself through its steps", null);
      return null;
    }
    if (loading.size() >= MAX_NESTING) {
      ctx.out.error(at, path, "components are nested more than " + MAX_NESTING + " deep here",
          "real pipelines nest a few levels; look for a chain of components that include each other");
      return null;
    }
    if (components.containsKey(key)) {
      ctx.out.addAll(componentFindings.get(key));
      return components.get(key);
    }
    loading.push(key);
    // Whatever a file referenced by 'component:' says of itself, it is read as a component.
    boolean was = expectComponent;
    expectComponent = true;
    try {
      Diagnostics inner = new Diagnostics();
      SpecDocument doc = load(key, inner);
      ctx.out.addAll(inner.all());
      if (doc == null) {
        return null;
      }
      if (!(doc instanceof Component c)) {
        ctx.out.error(at, path, "'" + display(key) + "' is a " + doc.kindName() + ", not a component", null);
        return null;
      }
      components.put(key, c);
      componentFindings.put(key, inner.all());
      return c;
    } finally {
      expectComponent = was;
      loading.pop();
    }
  }

  /** An inline {@code component:} mapping inside a step. */
  Component inlineComponent(YNode.Mapping m, String path, Ctx ctx) {
    SpecDocument doc = new DocumentReader(ctx).component(m, path);
    return doc instanceof Component c ? c : null;
  }

  /** A path as shown in messages: relative to the working directory when below it. */
  public String display(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    if (abs.startsWith(cwd)) {
      Path rel = cwd.relativize(abs);
      return rel.toString().isEmpty() ? "." : rel.toString();
    }
    return p.isAbsolute() ? abs.toString() : p.toString();
  }

  /** Makes a data asset or model document (used by {@link DocumentReader}). */
  static SpecDocument asset(Meta meta, IoType type, Reference path, Path source) {
    return type.isModel() ? new ModelSpec(meta, type, path, source) : new DataAssetSpec(meta, type, path, source);
  }

  static EnvironmentSpec environment(Meta meta, String image, Reference conda, Reference build, Path source) {
    return new EnvironmentSpec(meta, image, conda, build, source);
  }

  static boolean isPipeline(SpecDocument d) {
    return d instanceof PipelineJob;
  }
}
