package dev.trainyard.spec.plan;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.InputValue;
import dev.trainyard.spec.IoType;
import dev.trainyard.spec.PortSpec;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.Step;
import dev.trainyard.spec.Template;
import dev.trainyard.spec.load.Diagnostics;
import dev.trainyard.spec.load.ReferenceParser;
import dev.trainyard.spec.load.Suggest;
import dev.trainyard.spec.registry.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resolves step inputs: follows bindings, applies defaults, checks types, references and requirements. */
final class InputResolver {
  private final Registry registry;
  private final Diagnostics out;

  private final Path baseDir;

  /** Said wherever a sweep's {@code ${{search_space.X}}} turns up outside a sweep job. */
  static final String SEARCH_SPACE_MESSAGE = "'%s' is a sweep parameter; sweep jobs are recognised but not"
      + " supported yet";

  /** {@code source} is the pipeline's file: a path that reaches an asset input as a value is relative to it. */
  InputResolver(Registry registry, Diagnostics out, Path source) {
    this.registry = registry;
    this.out = out;
    Path parent = source == null ? null : source.toAbsolutePath().getParent();
    this.baseDir = parent == null ? Path.of("").toAbsolutePath() : parent;
  }

  /** A pipeline input's value as given in the file. */
  ResolvedInput pipelineInput(PortSpec spec, String path) {
    if (spec.path() != null) {
      checkReference(spec.path(), spec.type(), spec.at(), path + ".path");
      return new ResolvedInput.Asset(spec.path(), spec.type(), spec.mode());
    }
    if (spec.defaultValue() != null) {
      if (!TypeCheck.literal(spec.defaultValue(), spec, spec.at(), path, out)) {
        return new ResolvedInput.Unbound(spec.name(), spec.type()); // reported once, here
      }
      return new ResolvedInput.Value(spec.defaultValue(), spec.type());
    }
    return new ResolvedInput.Absent(spec.type());
  }

  Map<String, ResolvedInput> stepInputs(Step step, StepContext sc) {
    Map<String, PortSpec> declared = step.component().inputs();
    Map<String, ResolvedInput> result = new LinkedHashMap<>();
    boolean inline = step.componentRef() == null;
    step.inputs().forEach((name, value) -> {
      String path = Planner.child(sc.path(), "inputs." + name);
      PortSpec decl = declared.get(name);
      if (decl == null && !inline) {
        out.error(value.at(), path, "component " + step.component().meta().id() + " has no input '" + name + "'",
            Suggest.hintOrList(name, declared.keySet(), "its inputs"));
        return;
      }
      ResolvedInput r = resolve(value, sc, path);
      if (r == null) {
        return;
      }
      if (r instanceof ResolvedInput.Absent && decl != null && !decl.optional() && !inline) {
        // Bound to a pipeline input nobody set: the component's default stands in, else it is missing.
        if (decl.hasValue()) {
          r = decl.path() != null ? new ResolvedInput.Asset(decl.path(), decl.type(), decl.mode())
              : new ResolvedInput.Value(decl.defaultValue(), decl.type());
        } else {
          out.error(value.at(), path, "required input '" + name + "' of component " + step.component().meta().id()
              + " gets no value: " + describe(value) + " is unset", "give that input a value in the file or with"
              + " --set inputs.NAME=VALUE");
          return;
        }
      }
      if (decl != null && decl.type() != null && decl.typeDeclared()) {
        if (!TypeCheck.flow(r, decl, value.at(), path, out)) {
          // Reported here, where the bad value is written; passing it on into a nested pipeline
          // would report it again in component files that are not at fault.
          r = new ResolvedInput.Unbound(name, decl.type());
        }
      }
      result.put(name, r);
    });
    declared.forEach((name, decl) -> {
      if (result.containsKey(name) || step.inputs().containsKey(name) && !(step.inputs().get(name) instanceof InputValue.Empty)) {
        return;
      }
      if (decl.hasValue()) {
        result.put(name, decl.path() != null ? new ResolvedInput.Asset(decl.path(), decl.type(), decl.mode())
            : new ResolvedInput.Value(decl.defaultValue(), decl.type()));
      } else if (decl.optional() || inline) {
        result.put(name, new ResolvedInput.Absent(decl.type()));
      } else {
        out.error(step.at(), Planner.child(sc.path(), "inputs." + name), "missing required input '" + name + "' of component "
            + step.component().meta().id() + " (" + decl.type() + ")", "give it in the step's inputs");
      }
    });
    return result;
  }

  private ResolvedInput resolve(InputValue value, StepContext sc, String path) {
    if (value instanceof InputValue.Literal l) {
      return new ResolvedInput.Value(l.value(), l.type());
    }
    if (value instanceof InputValue.Empty) {
      return null;
    }
    if (value instanceof InputValue.Asset a) {
      if (a.path() instanceof Reference.Bound b) {
        ResolvedInput r = resolveTemplate(b.template(), a.at(), sc, path + ".path");
        if (r instanceof ResolvedInput.Value v && a.type() != null) {
          // {type: uri_folder, path: ${{parent.inputs.dir}}} with dir a string: that string is the path.
          try {
            Reference ref = ReferenceParser.parse(String.valueOf(v.value()), baseDir);
            checkReference(ref, a.type(), a.at(), path + ".path");
            return new ResolvedInput.Asset(ref, a.type(), a.mode());
          } catch (IllegalArgumentException e) {
            out.error(a.at(), path + ".path", e.getMessage(), null);
            return null;
          }
        }
        // {type: mltable, path: ${{...}}, mode: eval_mount}: the step's own type and mode win.
        if (r instanceof ResolvedInput.Asset as) {
          return new ResolvedInput.Asset(as.reference(), a.type() != null ? a.type() : as.type(),
              a.mode() != null ? a.mode() : as.mode());
        }
        if (r instanceof ResolvedInput.StepOutput so) {
          return new ResolvedInput.StepOutput(so.step(), so.output(), a.type() != null ? a.type() : so.type(),
              a.mode() != null ? a.mode() : so.mode());
        }
        return r;
      }
      checkReference(a.path(), a.type(), a.at(), path + ".path");
      return new ResolvedInput.Asset(a.path(), a.type() == null ? IoType.URI_FOLDER : a.type(), a.mode());
    }
    InputValue.Bound b = (InputValue.Bound) value;
    return resolveTemplate(b.template(), b.at(), sc, path);
  }

  private ResolvedInput resolveTemplate(Template t, SourceSpan at, StepContext sc, String path) {
    Binding sole = t.soleBinding();
    if (sole != null) {
      return resolveBinding(sole, t.refs().get(0).at() != null ? t.refs().get(0).at() : at, sc, path);
    }
    // Text around bindings: a string built from values (e.g. "${{parent.inputs.base}}/sub").
    StringBuilder sb = new StringBuilder();
    for (Template.Part p : t.parts()) {
      if (p instanceof Template.Text tx) {
        sb.append(tx.text());
      } else if (p instanceof Template.Ref r) {
        ResolvedInput v = resolveBinding(r.binding(), r.at() != null ? r.at() : at, sc, path);
        if (v instanceof ResolvedInput.Value val) {
          sb.append(val.value());
        } else if (v != null) {
          sb.append(r.binding());
        } else {
          return null;
        }
      } else {
        out.error(at, path, "optional fragments $[[...]] belong in commands, not in input values", null);
        return null;
      }
    }
    return new ResolvedInput.Value(sb.toString(), IoType.STRING);
  }

  private static String describe(InputValue v) {
    if (v instanceof InputValue.Bound b) {
      return "'" + b.template().raw().strip() + "'";
    }
    return v instanceof InputValue.Asset a ? "'" + a.path().raw() + "'" : "its value";
  }

  /** Follows one binding in a step-input context. */
  ResolvedInput resolveBinding(Binding b, SourceSpan at, StepContext sc, String path) {
    switch (b.scope()) {
      case PARENT_INPUTS -> {
        ResolvedInput r = sc.parentInputs().get(b.port());
        if (r == null && !sc.parentInputDecls().containsKey(b.port())) {
          out.error(at, path, "'" + b + "' names no input of the pipeline",
              Suggest.hintOrList(b.port(), sc.parentInputDecls().keySet(), "pipeline inputs"));
          return null;
        }
        return r == null ? new ResolvedInput.Absent(sc.parentInputDecls().get(b.port()).type()) : r;
      }
      case PARENT_JOB_OUTPUTS -> {
        Planner.Handle h = sc.siblings().get(b.job());
        if (h == null) {
          out.error(at, path, "'" + b + "' names no step '" + b.job() + "'",
              Suggest.hintOrList(b.job(), sc.siblings().keySet(), "steps"));
          return null;
        }
        if (b.job().equals(sc.stepName())) {
          out.error(at, path, "step '" + b.job() + "' takes its own output as input", "a step cannot depend on itself");
          return null;
        }
        ResolvedInput.StepOutput so = h.outputs().get(b.port());
        if (so == null && h.unfilled().contains(b.port())) {
          out.error(at, path, "'" + b + "': the pipeline component of step '" + b.job() + "' declares output '"
              + b.port() + "' but none of its steps fills it", "bind an inner step's output to ${{parent.outputs."
              + b.port() + "}}");
          return null;
        }
        if (so == null) {
          out.error(at, path, "'" + b + "': step '" + b.job() + "' has no output '" + b.port() + "'",
              Suggest.hintOrList(b.port(), h.outputs().keySet(), "its outputs"));
          return null;
        }
        return so;
      }
      case RUN_NAME, DEFAULT_DATASTORE -> {
        return new ResolvedInput.Value(b.toString(), IoType.STRING);
      }
      case INPUTS, OUTPUTS -> {
        out.error(at, path, "'" + b + "' refers to the step's own ports; in a step's inputs, bind"
            + " ${{parent.inputs.NAME}} or ${{parent.jobs.STEP.outputs.NAME}}", null);
        return null;
      }
      case PARENT_OUTPUTS -> {
        out.error(at, path, "'" + b + "' is a pipeline output; it can fill a step output, not an input", null);
        return null;
      }
      case SEARCH_SPACE -> {
        out.error(at, path, SEARCH_SPACE_MESSAGE.formatted(b), null);
        return null;
      }
      case PARENT_JOB_INPUTS -> {
        out.error(at, path, "'" + b + "': a step cannot bind another step's input",
            "bind the pipeline input that step uses, ${{parent.inputs.NAME}}");
        return null;
      }
      default -> {
        out.error(at, path, "'" + b + "' is not supported here", null);
        return null;
      }
    }
  }

  /** Local paths must exist; registered names must be registered. */
  void checkReference(Reference ref, SourceSpan at, String path) {
    checkReference(ref, null, at, path);
  }

  /** As above; {@code type} (when known) names what kind of asset is missing: a model or data. */
  void checkReference(Reference ref, IoType type, SourceSpan at, String path) {
    boolean model = type != null && type.isModel();
    if (ref instanceof Reference.LocalPath lp && !Files.exists(lp.path())) {
      // Data may be put in place before the run, so this warns; a run checks again and fails.
      out.warn(at, path, "path '" + lp.raw() + "' does not exist (yet)", "paths are relative to the YAML file's folder");
    } else if (ref instanceof Reference.Registered reg && registry.findAsset(reg, model).isEmpty()) {
      out.error(at, path, (model ? "model '" : "data asset '") + reg.display() + "' is not registered in this workspace",
          "register it with 'trainyard " + (model ? "model register" : "data create") + " --name " + reg.name()
              + " --path PATH'");
    } else if (ref instanceof Reference.RegistryUri uri) {
      out.error(at, path, "'" + uri.raw() + "' is in an Azure ML registry, which Trainyard cannot reach",
          "register a local copy with 'trainyard data create'");
    }
  }
}
