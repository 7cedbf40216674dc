package dev.trainyard.spec.load;

import dev.trainyard.spec.Component;
import dev.trainyard.spec.InputValue;
import dev.trainyard.spec.IoType;
import dev.trainyard.spec.Meta;
import dev.trainyard.spec.PortSpec;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.Resources;
import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.Step;
import dev.trainyard.spec.StepKind;
import dev.trainyard.spec.Template;
import dev.trainyard.spec.yaml.YNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a pipeline's {@code jobs:}: each step inline or by component reference. */
final class StepReader {
  private final Ctx ctx;
  private final PortReader ports;
  private final ComponentReader components;

  StepReader(Ctx ctx) {
    this.ctx = ctx;
    this.ports = new PortReader(ctx);
    this.components = new ComponentReader(ctx);
  }

  Map<String, Step> jobs(MapReader r) {
    Map<String, Step> jobs = new LinkedHashMap<>();
    YNode.Mapping m = r.mapping("jobs");
    if (m == null || m.entries().isEmpty()) {
      ctx.out.error(r.keyAt("jobs"), r.child("jobs"), "a pipeline needs 'jobs' with at least one step", null);
      return jobs;
    }
    for (YNode.Entry e : m.entries().values()) {
      String name = e.key().value();
      String path = r.child("jobs") + "." + name;
      if (!name.matches("[A-Za-z_][A-Za-z0-9_\\-]*")) {
        ctx.out.error(e.key().at(), path, "'" + name + "' is not a valid step name",
            "use letters, digits, '_' and '-', starting with a letter or '_'");
        continue;
      }
      if (!(e.value() instanceof YNode.Mapping sm)) {
        ctx.out.error(e.value().at(), path, "a step must be a mapping, found " + e.value().kindWord(), null);
        continue;
      }
      Step s = step(name, sm, path, e.key().at());
      if (s != null) {
        jobs.put(name, s);
      }
    }
    return jobs;
  }

  private Step step(String name, YNode.Mapping m, String path, SourceSpan at) {
    MapReader probe = ctx.reader(m, path, null, "a step");
    String typeText = probe.string("type");
    StepKind kind = null;
    if (typeText != null) {
      kind = StepKind.parse(typeText).orElse(null);
      if (kind == null) {
        ctx.out.error(probe.at("type"), probe.child("type"), "unknown step type '" + typeText + "'",
            Suggest.hintOrList(typeText, List.of("command", "parallel", "pipeline", "spark", "sweep", "automl", "data_transfer"), "types"));
        return null;
      }
    }
    Component referenced = null;
    Reference componentRef = null;
    YNode compNode = m.get("component");
    if (compNode instanceof YNode.Scalar cs && !cs.isNull()) {
      componentRef = ctx.reference(cs, probe.child("component"));
      if (componentRef != null) {
        referenced = ctx.loader.resolveComponent(componentRef, cs.at(), probe.child("component"), ctx);
      }
      if (referenced == null) {
        // Already reported; read the rest for more findings but leave the step out.
        return null;
      }
    } else if (compNode instanceof YNode.Mapping cm) {
      referenced = ctx.loader.inlineComponent(cm, probe.child("component"), ctx);
      if (referenced == null) {
        return null;
      }
    }
    if (referenced != null) {
      if (kind != null && kind != referenced.kind()) {
        ctx.out.error(probe.at("type"), probe.child("type"), "step type '" + kind + "' does not match its component's"
            + " type '" + referenced.kind() + "'", null);
      }
      kind = referenced.kind();
    }
    if (kind == null) {
      kind = StepKind.COMMAND; // Azure: a step without type is a command step
    }
    Set<String> known = switch (kind) {
      case COMMAND -> KnownKeys.COMMAND_STEP;
      case PARALLEL -> KnownKeys.PARALLEL_STEP;
      case SPARK -> KnownKeys.SPARK_STEP;
      case PIPELINE -> KnownKeys.PIPELINE_STEP;
      case SWEEP, AUTOML, DATA_TRANSFER -> null;
    };
    MapReader r = ctx.reader(m, path, referenced == null ? known : union(known, KnownKeys.COMMAND_STEP),
        "a " + kind + " step");
    Map<String, InputValue> inputs = new LinkedHashMap<>();
    YNode.Mapping im = r.mapping("inputs");
    if (im != null) {
      for (YNode.Entry e : im.entries().values()) {
        inputs.put(e.key().value(), ports.stepInput(e.value(), r.child("inputs") + "." + e.key().value()));
      }
    }
    Map<String, PortSpec> outputs = ports.outputs(r, "outputs");
    Component component = referenced;
    if (component == null) {
      Meta meta = Meta.anonymous(at);
      Map<String, PortSpec> declared = inferInputs(inputs);
      Map<String, PortSpec> declaredOut = inferOutputs(outputs);
      component = switch (kind) {
        case COMMAND -> components.command(r, meta, declared, declaredOut);
        case PARALLEL -> components.parallel(r, meta, declared, declaredOut);
        case SPARK -> components.spark(r, meta, declared, declaredOut);
        case PIPELINE -> {
          ctx.out.error(r.keyAt("type"), r.child("component"), "a pipeline step needs a 'component' (a pipeline"
              + " component file)", null);
          yield null;
        }
        case SWEEP, AUTOML, DATA_TRANSFER -> new Component.Unsupported(meta, kind, declared, declaredOut, ctx.source);
      };
      if (component == null) {
        return null;
      }
    } else if (r.has("command") && component instanceof Component.Command c) {
      // A step may override its component's command, code and environment.
      component = components.command(r, c.meta(), c.inputs(), c.outputs());
    }
    Template compute = null;
    YNode cn = r.node("compute");
    if (cn instanceof YNode.Scalar cs && !cs.isNull()) {
      compute = ctx.template(cs, r.child("compute"));
    }
    Resources res = components.resources(r);
    return new Step(name, kind, component, componentRef, inputs, outputs, compute, res,
        r.stringMap("environment_variables"), r.bool("is_deterministic"), r.string("display_name"), at);
  }

  /** An inline step declares the inputs it is given; bound ones take their type from the source. */
  private static Map<String, PortSpec> inferInputs(Map<String, InputValue> inputs) {
    Map<String, PortSpec> declared = new LinkedHashMap<>();
    inputs.forEach((name, v) -> {
      IoType type = v instanceof InputValue.Literal l ? l.type()
          : v instanceof InputValue.Asset a ? a.type() : null;
      boolean optional = v instanceof InputValue.Empty || v instanceof InputValue.Asset a && a.optional();
      declared.put(name, new PortSpec(name, type, type != null, optional, null, null, null, null, null, null,
          null, null, null, null, v.at()));
    });
    return declared;
  }

  private static Map<String, PortSpec> inferOutputs(Map<String, PortSpec> outputs) {
    Map<String, PortSpec> declared = new LinkedHashMap<>();
    outputs.forEach((name, p) -> declared.put(name, new PortSpec(name, p.type(), p.typeDeclared(), false, null,
        null, p.mode(), null, null, null, null, null, null, null, p.at())));
    return declared;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    if (a == null) {
      return null;
    }
    java.util.HashSet<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return u;
  }
}
