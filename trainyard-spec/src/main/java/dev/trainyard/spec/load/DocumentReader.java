package dev.trainyard.spec.load;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.InputValue;
import dev.trainyard.spec.IoType;
import dev.trainyard.spec.Meta;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.PortSpec;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.ScheduleSpec;
import dev.trainyard.spec.Settings;
import dev.trainyard.spec.SpecDocument;
import dev.trainyard.spec.Step;
import dev.trainyard.spec.StepKind;
import dev.trainyard.spec.Template;
import dev.trainyard.spec.binding.BindingParser;
import dev.trainyard.spec.plan.Unsupported;
import dev.trainyard.spec.binding.BindingSyntaxException;
import dev.trainyard.spec.yaml.YNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one top-level document: detects its kind from {@code type:} ({@code $schema} only as a
 * hint) and reads it as a pipeline job, command/parallel/Spark job, component, data asset, model,
 * environment or schedule.
 */
final class DocumentReader {
  private static final List<String> TYPES = List.of("pipeline", "command", "parallel", "spark", "sweep", "data_transfer",
      "automl", "uri_file", "uri_folder", "mltable", "custom_model", "mlflow_model", "triton_model");
  private final Ctx ctx;
  private final PortReader ports;
  private final ComponentReader components;
  private final StepReader steps;
  private final String root;

  DocumentReader(Ctx ctx) {
    this(ctx, "");
  }

  /** A reader for a document inside another, at YAML path {@code root} (a schedule's inline job). */
  DocumentReader(Ctx ctx, String root) {
    this.ctx = ctx;
    this.root = root;
    this.ports = new PortReader(ctx);
    this.components = new ComponentReader(ctx);
    this.steps = new StepReader(ctx);
  }

  SpecDocument read(YNode.Mapping m) {
    MapReader probe = ctx.reader(m, root, null, "");
    String type = probe.string("type");
    String schema = lower(probe.string("$schema"));
    if (type == null) {
      String foreign = Foreign.kindOf(m, schema);
      if (foreign != null) {
        ctx.out.error(m.at(), root, foreign, null);
        return null;
      }
      if (m.has("trigger") || schema.contains("schedule")) {
        return schedule(m);
      }
      if (schema.contains("environment") || m.has("image") || m.has("conda_file") || m.has("build")) {
        return environment(m);
      }
      if (schema.contains("/data.schema") || schema.contains("model.schema")) {
        return asset(m, schema.contains("model") ? IoType.CUSTOM_MODEL : IoType.URI_FOLDER);
      }
      if (schema.contains("commandcomponent") || m.has("version") && m.has("command") && !m.has("compute")) {
        return component(m, root);
      }
      return singleStepJob(m, StepKind.COMMAND); // Azure: a job without type is a command job
    }
    String t = type.strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "pipeline":
        // Pipeline jobs have no 'version'; components do, whether or not $schema says so.
        boolean pipelineComponent = ctx.loader.expectsComponent() || schema.contains("pipelinecomponent")
            || !schema.contains("pipelinejob")
            && (m.has("version") || !m.has("jobs") && !m.has("component") && m.has("name"));
        return pipelineComponent ? component(m, root) : pipelineJob(m);
      case "command":
      case "parallel":
      case "spark":
        boolean isComponent = ctx.loader.expectsComponent() || schema.contains("component")
            || !schema.contains("job") && m.has("version");
        return isComponent ? component(m, root) : singleStepJob(m, StepKind.parse(t).orElseThrow());
      case "sweep":
      case "automl":
      case "data_transfer":
        StepKind k = StepKind.parse(t).orElseThrow();
        ctx.out.error(probe.at("type"), probe.child("type"), Unsupported.message(k).replace(" steps ", " jobs and"
            + " components ").replace(" steps (", " jobs and components ("), Unsupported.hint(k));
        return component(m, root);
      default:
        var io = IoType.parse(t);
        if (io.isPresent() && io.get().isAsset()) {
          return asset(m, io.get());
        }
        ctx.out.error(probe.at("type"), probe.child("type"), "unknown type '" + type + "'",
            Suggest.hintOrList(type, TYPES, "types"));
        return null;
    }
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  PipelineJob pipelineJob(YNode.Mapping m) {
    MapReader r = ctx.reader(m, root, KnownKeys.PIPELINE_JOB, "a pipeline job");
    Meta meta = components.meta(r);
    Settings settings = components.settings(r);
    Map<String, PortSpec> inputs = ports.inputs(r, "inputs");
    Map<String, PortSpec> outputs = ports.outputs(r, "outputs");
    Map<String, Step> jobs;
    YNode comp = r.node("component");
    if (comp instanceof YNode.Scalar cs && !cs.isNull() && !r.has("jobs")) {
      // The whole job is a pipeline component with values for its inputs.
      Reference ref = ctx.reference(cs, r.child("component"));
      Component c = ref == null ? null : ctx.loader.resolveComponent(ref, cs.at(), r.child("component"), ctx);
      if (!(c instanceof Component.Pipeline p)) {
        if (c != null) {
          ctx.out.error(cs.at(), r.child("component"), "a pipeline job's component must be a pipeline component, not a "
              + c.kindName(), null);
        }
        return new PipelineJob(meta, r.string("experiment_name"), settings, inputs, outputs, Map.of(),
            r.string("compute"), false, ctx.source);
      }
      inputs = mergeValues(p.inputs(), inputs, r.child("inputs"));
      outputs = mergeOutputs(p.outputs(), outputs);
      jobs = p.jobs();
      if (settings == Settings.DEFAULT) {
        settings = p.settings();
      }
    } else {
      jobs = steps.jobs(r);
    }
    return new PipelineJob(meta, r.string("experiment_name"), settings, inputs, outputs, jobs,
        r.string("compute"), false, ctx.source);
  }

  private Map<String, PortSpec> mergeValues(Map<String, PortSpec> declared, Map<String, PortSpec> given, String path) {
    Map<String, PortSpec> merged = new LinkedHashMap<>(declared);
    given.forEach((name, v) -> {
      PortSpec d = declared.get(name);
      if (d == null) {
        ctx.out.error(v.at(), path + "." + name, "the pipeline component has no input '" + name + "'",
            Suggest.hintOrList(name, declared.keySet(), "its inputs"));
        return;
      }
      merged.put(name, withValue(d, v, true));
    });
    return merged;
  }

  /**
   * {@code decl} given the value of {@code v}: the declaration keeps its type, range and enum (so
   * the value is checked against them); {@code declared} says whether that type binds the value.
   */
  static PortSpec withValue(PortSpec decl, PortSpec v, boolean declared) {
    boolean hasValue = v.defaultValue() != null || v.path() != null;
    return new PortSpec(decl.name(), decl.type(), declared, decl.optional(),
        hasValue ? v.defaultValue() : decl.defaultValue(), hasValue ? v.path() : decl.path(),
        v.mode() != null ? v.mode() : decl.mode(), decl.description(), decl.min(), decl.max(), decl.enumValues(),
        decl.assetName(), decl.assetVersion(), hasValue ? v.binding() : decl.binding(), v.at());
  }

  private static Map<String, PortSpec> mergeOutputs(Map<String, PortSpec> declared, Map<String, PortSpec> given) {
    Map<String, PortSpec> merged = new LinkedHashMap<>(declared);
    merged.putAll(given);
    return merged;
  }

  /** A standalone command, parallel or Spark job: a pipeline of one step named after its kind. */
  private PipelineJob singleStepJob(YNode.Mapping m, StepKind kind) {
    Set<String> known = new java.util.HashSet<>(switch (kind) {
      case PARALLEL -> KnownKeys.PARALLEL_STEP;
      case SPARK -> KnownKeys.SPARK_STEP;
      default -> KnownKeys.COMMAND_STEP;
    });
    known.addAll(List.of("experiment_name", "code"));
    MapReader r = ctx.reader(m, root, known, "a " + kind + " job");
    Meta meta = components.meta(r);
    Map<String, PortSpec> inputs = ports.inputs(r, "inputs");
    Map<String, PortSpec> outputs = ports.outputs(r, "outputs");
    Map<String, PortSpec> declaredIn = new LinkedHashMap<>();
    Map<String, InputValue> stepIn = new LinkedHashMap<>();
    inputs.forEach((n, p) -> {
      if (!PortReader.validName(n)) {
        return; // reported by PortReader; it cannot be bound
      }
      declaredIn.put(n, new PortSpec(n, p.type(), true, p.optional(), null, null, p.mode(), p.description(),
          null, null, null, null, null, null, p.at()));
      stepIn.put(n, new InputValue.Bound(bind("parent.inputs." + n), p.at()));
    });
    Map<String, PortSpec> declaredOut = new LinkedHashMap<>();
    Map<String, PortSpec> stepOut = new LinkedHashMap<>();
    outputs.forEach((n, p) -> {
      if (!PortReader.validName(n)) {
        return; // reported by PortReader; it cannot be bound
      }
      declaredOut.put(n, new PortSpec(n, p.type(), p.typeDeclared(), false, null, null, p.mode(), null, null,
          null, null, null, null, null, p.at()));
      stepOut.put(n, new PortSpec(n, p.type(), p.typeDeclared(), false, null, null, p.mode(), null, null, null,
          null, null, null, bind("parent.outputs." + n), p.at()));
    });
    Component c = switch (kind) {
      case PARALLEL -> components.parallel(r, meta, declaredIn, declaredOut);
      case SPARK -> components.spark(r, meta, declaredIn, declaredOut);
      default -> components.command(r, meta, declaredIn, declaredOut);
    };
    Template compute = null;
    if (r.node("compute") instanceof YNode.Scalar cs && !cs.isNull()) {
      compute = ctx.template(cs, "compute");
    }
    Step step = new Step(kind.yamlName(), kind, c, null, stepIn, stepOut, compute, components.resources(r),
        Map.of(), null, meta.displayName(), m.at());
    return new PipelineJob(meta, r.string("experiment_name"), Settings.DEFAULT, inputs, outputs,
        Map.of(step.name(), step), null, true, ctx.source);
  }

  private static Template bind(String expr) {
    try {
      return BindingParser.parse("${{" + expr + "}}");
    } catch (BindingSyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A component file (or an inline {@code component:} mapping at {@code path}). */
  SpecDocument component(YNode.Mapping m, String path) {
    MapReader probe = ctx.reader(m, path, null, "");
    String t = lower(probe.string("type"));
    StepKind kind = t.isEmpty() ? StepKind.COMMAND : StepKind.parse(t).orElse(null);
    if (kind == null) {
      ctx.out.error(probe.at("type"), probe.child("type"), "unknown component type '" + t + "'",
          Suggest.hintOrList(t, List.of("command", "parallel", "pipeline", "spark"), "types"));
      return null;
    }
    Set<String> known = switch (kind) {
      case COMMAND -> KnownKeys.COMMAND_COMPONENT;
      case PARALLEL -> KnownKeys.PARALLEL_COMPONENT;
      case SPARK -> KnownKeys.SPARK_COMPONENT;
      case PIPELINE -> KnownKeys.PIPELINE_COMPONENT;
      case SWEEP, AUTOML, DATA_TRANSFER -> null;
    };
    MapReader r = ctx.reader(m, path, known, "a " + kind + " component");
    Meta meta = components.meta(r);
    Map<String, PortSpec> inputs = ports.inputs(r, "inputs");
    Map<String, PortSpec> outputs = ports.outputs(r, "outputs");
    return switch (kind) {
      case COMMAND -> components.command(r, meta, inputs, outputs);
      case PARALLEL -> components.parallel(r, meta, inputs, outputs);
      case SPARK -> components.spark(r, meta, inputs, outputs);
      case PIPELINE -> components.pipeline(r, meta, inputs, outputs, steps);
      case SWEEP, AUTOML, DATA_TRANSFER -> new Component.Unsupported(meta, kind, inputs, outputs, ctx.source);
    };
  }

  private SpecDocument asset(YNode.Mapping m, IoType type) {
    MapReader r = ctx.reader(m, "", KnownKeys.ASSET, type.isModel() ? "a model" : "a data asset");
    Meta meta = components.meta(r);
    if (meta.name() == null) {
      ctx.out.error(r.keyAt("name"), "name", (type.isModel() ? "a model" : "a data asset") + " needs a 'name'", null);
    }
    Reference path = null;
    if (!r.has("path")) {
      ctx.out.error(r.keyAt("path"), "path", "'path' is required", null);
    } else if (r.node("path") instanceof YNode.Scalar s) {
      path = ctx.reference(s, "path");
      if (path instanceof Reference.LocalPath lp && !java.nio.file.Files.exists(lp.path())) {
        ctx.out.error(s.at(), "path", "path '" + s.value() + "' does not exist", "paths are relative to the file's folder");
      }
    }
    return SpecLoader.asset(meta, type, path, ctx.source);
  }

  private SpecDocument environment(YNode.Mapping m) {
    MapReader r = ctx.reader(m, "", KnownKeys.ENVIRONMENT, "an environment");
    Meta meta = components.meta(r);
    Reference conda = r.has("conda_file") ? components.code(r, "conda_file") : null;
    Reference build = null;
    YNode.Mapping b = r.mapping("build");
    if (b != null) {
      build = components.code(ctx.reader(b, "build", Set.of("path", "dockerfile_path"), "build"), "path");
    }
    String image = r.string("image");
    if (image == null && build == null) {
      ctx.out.error(m.at(), "", "an environment needs 'image' or 'build'", null);
    }
    return SpecLoader.environment(meta, image, conda, build, ctx.source);
  }

  private SpecDocument schedule(YNode.Mapping m) {
    MapReader r = ctx.reader(m, "", KnownKeys.SCHEDULE, "a schedule");
    Meta meta = components.meta(r);
    ScheduleSpec.Trigger trigger = new ScheduleTrigger(ctx).read(r);
    PipelineJob job = new CreateJob(ctx, ports, components).read(r, m.has("create_monitor"));
    return new ScheduleSpec(meta, trigger, job, ctx.source);
  }
}
