package dev.trainyard.spec.plan;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.Component;
import dev.trainyard.spec.Diagnostic;
import dev.trainyard.spec.InputValue;
import dev.trainyard.spec.IoType;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.PortSpec;
import dev.trainyard.spec.Resources;
import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.Step;
import dev.trainyard.spec.StepKind;
import dev.trainyard.spec.Template;
import dev.trainyard.spec.load.Diagnostics;
import dev.trainyard.spec.load.Suggest;
import dev.trainyard.spec.registry.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a loaded pipeline into a {@link Plan}: resolves every binding (reporting undefined ones
 * with a "did you mean"), checks types and required inputs, flattens nested pipeline components,
 * and orders the steps, rejecting cycles. Never throws for bad input; findings go to the plan's
 * diagnostics.
 *
 * <p>A finding is placed in the file where the offending text is written, with a YAML path in that
 * file: a step of a nested pipeline component is {@code jobs.NAME} in the component's file, while
 * its plan name is dotted ({@code outer.inner.NAME}). A bad value is reported once, where it is
 * written, and not again in the components it would flow into.
 */
public final class Planner {
  private final Registry registry;
  private final Diagnostics out = new Diagnostics();
  private final List<PlannedStep> planned = new ArrayList<>();
  private final Set<String> notes = new LinkedHashSet<>();
  private final Map<String, String> promotedOutputs = new LinkedHashMap<>();
  private final InputResolver resolver;
  private boolean standalone;

  private Planner(Registry registry, java.nio.file.Path source) {
    this.registry = registry;
    this.resolver = new InputResolver(registry, out, source);
  }

  /**
   * Plans {@code job}, with {@code overrides} (input name to text, from {@code --set
   * inputs.NAME=VALUE}) replacing input values.
   */
  public static Plan plan(PipelineJob job, Map<String, String> overrides, Registry registry) {
    return new Planner(registry, job.source()).run(job, overrides, false);
  }

  /** Checks a pipeline component's graph, its inputs standing for values given later. */
  public static Plan planComponent(Component.Pipeline c, Registry registry) {
    PipelineJob asJob = new PipelineJob(c.meta(), null, c.settings(), c.inputs(), c.outputs(), c.jobs(), null,
        false, c.source());
    return new Planner(registry, c.source()).run(asJob, Map.of(), true);
  }

  private Plan run(PipelineJob job, Map<String, String> overrides, boolean unboundInputs) {
    standalone = job.fromCommandJob();
    Map<String, ResolvedInput> inputs = new LinkedHashMap<>();
    job.inputs().forEach((name, spec) -> inputs.put(name, unboundInputs && !spec.hasValue()
        ? new ResolvedInput.Unbound(name, spec.type()) : resolver.pipelineInput(spec, "inputs." + name)));
    Overrides.apply(job, overrides, inputs, out);
    Scope root = new Scope("", inputs, job.inputs(), job.outputs(), job.defaultCompute(), job.jobs());
    flatten(root);
    job.outputs().forEach((name, spec) -> {
      if (!root.promotions.containsKey(name)) {
        out.error(spec.at(), "outputs." + name, "pipeline output '" + name + "' is not filled by any step",
            "bind a step output to ${{parent.outputs." + name + "}}");
      } else {
        var so = root.promotions.get(name);
        promotedOutputs.put(name, so.step() + "." + so.output());
      }
    });
    markPromotions();
    List<PlannedStep> ordered = Order.topological(planned, out);
    List<Diagnostic> findings = out.all();
    return new Plan(job, inputs, ordered, promotedOutputs, List.copyOf(notes), findings);
  }

  /** One pipeline level: its inputs, outputs, compute default and its steps as handles. */
  private final class Scope {
    final String prefix;
    final Map<String, ResolvedInput> parentInputs;
    final Map<String, PortSpec> parentInputDecls;
    final Map<String, PortSpec> parentOutputs;
    final String defaultCompute;
    final Map<String, Step> jobs;
    final Map<String, Handle> handles = new LinkedHashMap<>();
    final Map<String, ResolvedInput.StepOutput> promotions = new LinkedHashMap<>();

    Scope(String prefix, Map<String, ResolvedInput> parentInputs, Map<String, PortSpec> parentInputDecls,
        Map<String, PortSpec> parentOutputs, String defaultCompute, Map<String, Step> jobs) {
      this.prefix = prefix;
      this.parentInputs = parentInputs;
      this.parentInputDecls = parentInputDecls;
      this.parentOutputs = parentOutputs;
      this.defaultCompute = defaultCompute;
      this.jobs = jobs;
      Set<String> artifacts = Implicit.artifactsBound(jobs);
      jobs.forEach((name, step) -> handles.put(name, handle(prefix + name, step, artifacts.contains(name))));
      jobs.forEach((name, step) -> step.outputs().forEach((o, spec) -> promote(spec, handles.get(name), o, step)));
    }

    private void promote(PortSpec spec, Handle h, String output, Step step) {
      if (spec.binding() == null) {
        return;
      }
      Binding b = spec.binding().soleBinding();
      // A YAML path in the file the step is written in (a component's file for nested steps).
      String path = "jobs." + step.name() + ".outputs." + output;
      if (b == null || b.scope() != Binding.Scope.PARENT_OUTPUTS) {
        out.error(at(spec.binding(), spec.at()), path, "a step output can only bind ${{parent.outputs.NAME}}, found '"
            + spec.binding().raw() + "'", null);
        return;
      }
      if (!parentOutputs.containsKey(b.port())) {
        out.error(at(spec.binding(), spec.at()), path, "'" + b + "' names no output of the pipeline",
            Suggest.hintOrList(b.port(), parentOutputs.keySet(), "pipeline outputs"));
        return;
      }
      ResolvedInput.StepOutput so = h.outputs().get(output);
      if (so != null) {
        promotions.put(b.port(), so);
      }
    }
  }

  /**
   * A step as its siblings see it: where each of its outputs really comes from.
   *
   * @param unfilled outputs a pipeline component declares but none of its steps fills
   */
  record Handle(String qualified, Map<String, ResolvedInput.StepOutput> outputs, Set<String> unfilled) {}

  private Handle handle(String qualified, Step step, boolean artifactsBound) {
    Map<String, ResolvedInput.StepOutput> outs = new LinkedHashMap<>();
    Set<String> unfilled = new LinkedHashSet<>();
    if (step.component() instanceof Component.Pipeline pc) {
      // Outputs of a nested pipeline come from the inner steps promoted to its outputs.
      Scope inner = new Planner(registry, step.component().source())
          .new Scope(qualified + ".", Map.of(), pc.inputs(), pc.outputs(), null, pc.jobs());
      outs.putAll(inner.promotions);
      pc.outputs().keySet().stream().filter(o -> !outs.containsKey(o)).forEach(unfilled::add);
    } else {
      step.component().outputs().forEach((o, spec) -> outs.put(o, new ResolvedInput.StepOutput(qualified, o, spec.type())));
      step.outputs().forEach((o, spec) -> outs.putIfAbsent(o, new ResolvedInput.StepOutput(qualified, o, spec.type())));
      if (artifactsBound) {
        outs.putIfAbsent(Implicit.ARTIFACTS,
            new ResolvedInput.StepOutput(qualified, Implicit.ARTIFACTS, IoType.URI_FOLDER));
      }
    }
    return new Handle(qualified, outs, unfilled);
  }

  private void flatten(Scope scope) {
    for (Step step : scope.jobs.values()) {
      String qualified = scope.prefix + step.name();
      // Diagnostics name the file the step is written in (a component's file for nested steps),
      // so the path is the step's YAML path in that file; the dotted name is for plans and logs.
      // A standalone command, parallel or Spark job is its one step: its keys sit at the top.
      String path = standalone && scope.prefix.isEmpty() ? "" : "jobs." + step.name();
      if (!step.kind().isSupported()) {
        out.error(step.at(), path, Unsupported.message(step.kind()), Unsupported.hint(step.kind()));
        continue;
      }
      StepContext sc = new StepContext(scope.parentInputs, scope.parentInputDecls, scope.handles, step.name(), path);
      Map<String, ResolvedInput> inputs = resolver.stepInputs(step, sc);
      if (step.component() instanceof Component.Pipeline pc) {
        Scope inner = new Scope(qualified + ".", inputs, pc.inputs(), pc.outputs(),
            pc.settings().defaultCompute() != null ? pc.settings().defaultCompute() : computeOf(step, scope, sc),
            pc.jobs());
        flatten(inner);
        checkPipelineOutputs(step, pc, inner, path);
        continue;
      }
      new TemplateChecker(out).check(step, inputs, path, path.isEmpty() ? "the job" : "step '" + step.name() + "'");
      Map<String, PlannedOutput> outputs = new LinkedHashMap<>();
      scope.handles.get(step.name()).outputs().forEach((o, so) -> {
        PortSpec spec = step.outputs().get(o);
        PortSpec decl = step.component().outputs().get(o);
        IoType type = spec != null && spec.typeDeclared() ? spec.type() : decl != null ? decl.type() : so.type();
        // promotedTo is filled in by run(), once the root pipeline's promotions are known.
        String promoted = null;
        outputs.put(o, new PlannedOutput(o, type, spec != null && spec.mode() != null ? spec.mode()
            : decl != null ? decl.mode() : null, spec != null ? spec.path() : null,
            spec != null ? spec.assetName() : null, spec != null ? spec.assetVersion() : null, promoted));
      });
      step.outputs().keySet().stream().filter(o -> !step.component().outputs().containsKey(o))
          .filter(o -> step.componentRef() != null)
          .forEach(o -> out.error(step.outputs().get(o).at(), child(path, "outputs." + o), "component "
              + step.component().meta().id() + " has no output '" + o + "'",
              Suggest.hintOrList(o, step.component().outputs().keySet(), "its outputs")));
      String compute = computeOf(step, scope, sc);
      String target = Compute.target(compute, notes);
      Resources res = step.resources().over(resourcesOf(step.component()));
      Map<String, String> env = new LinkedHashMap<>(envOf(step.component()));
      env.putAll(step.environmentVariables());
      boolean det = step.isDeterministic() != null ? step.isDeterministic() : deterministic(step.component());
      Set<String> deps = new LinkedHashSet<>();
      inputs.values().forEach(v -> {
        if (v instanceof ResolvedInput.StepOutput so) {
          deps.add(so.step());
        }
      });
      planned.add(new PlannedStep(qualified, step.kind(), step.component(), inputs, outputs, compute, target, res,
          env, det, new ArrayList<>(deps), step.at()));
      warnUnsupported(step, res, path);
    }
  }

  /** A nested pipeline's outputs: each declared one filled, each the step names declared. */
  private void checkPipelineOutputs(Step step, Component.Pipeline pc, Scope inner, String path) {
    pc.outputs().forEach((name, spec) -> {
      if (!inner.promotions.containsKey(name)) {
        out.error(spec.at(), "outputs." + name, "pipeline output '" + name + "' is not filled by any step",
            "bind a step output to ${{parent.outputs." + name + "}}");
      }
    });
    step.outputs().forEach((o, spec) -> {
      if (!pc.outputs().containsKey(o)) {
        out.error(spec.at(), child(path, "outputs." + o), "component " + pc.meta().id() + " has no output '" + o + "'",
            Suggest.hintOrList(o, pc.outputs().keySet(), "its outputs"));
      }
    });
  }

  /**
   * Sets {@code promotedTo} on every step output that fills a pipeline output, however deeply the
   * step is nested (a nested step reaches the pipeline through its components' outputs).
   */
  private void markPromotions() {
    Map<String, String> byStepOutput = new LinkedHashMap<>();
    promotedOutputs.forEach((pipelineOutput, stepOutput) -> byStepOutput.put(stepOutput, pipelineOutput));
    planned.replaceAll(s -> {
      Map<String, PlannedOutput> outs = new LinkedHashMap<>();
      s.outputs().forEach((n, o) -> outs.put(n, new PlannedOutput(o.name(), o.type(), o.mode(), o.path(),
          o.assetName(), o.assetVersion(), byStepOutput.get(s.name() + "." + n))));
      return new PlannedStep(s.name(), s.kind(), s.component(), s.inputs(), outs, s.compute(), s.target(),
          s.resources(), s.environmentVariables(), s.deterministic(), s.dependsOn(), s.at());
    });
  }

  private String computeOf(Step step, Scope scope, StepContext sc) {
    if (step.compute() == null) {
      return scope.defaultCompute;
    }
    Binding b = step.compute().soleBinding();
    if (b == null) {
      return step.compute().raw();
    }
    ResolvedInput r = resolver.resolveBinding(b, step.compute().refs().get(0).at(), sc, child(sc.path(), "compute"));
    return r instanceof ResolvedInput.Value v ? String.valueOf(v.value()) : null;
  }

  private void warnUnsupported(Step step, Resources res, String path) {
    if (step.component() instanceof Component.Command c && c.distribution() != null) {
      // res merges step and component resources: instance_count is usually set in the component.
      out.warn(step.at(), child(path, "distribution"), "distribution '" + c.distribution() + "' is Azure-only: the step"
          + " runs as " + (res.instanceCount() == null ? "one process" : "one process per instance"), null);
    }
  }

  private static Resources resourcesOf(Component c) {
    if (c instanceof Component.Command cmd) {
      return cmd.resources();
    }
    return c instanceof Component.Parallel p ? p.resources() : Resources.NONE;
  }

  private static Map<String, String> envOf(Component c) {
    if (c instanceof Component.Command cmd) {
      return cmd.environmentVariables();
    }
    return c instanceof Component.Parallel p ? p.environmentVariables() : Map.of();
  }

  private static boolean deterministic(Component c) {
    if (c instanceof Component.Command cmd) {
      return cmd.isDeterministic();
    }
    return !(c instanceof Component.Parallel p) || p.isDeterministic();
  }

  /** {@code key} under the YAML path {@code path}, which is empty for a standalone job's step. */
  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static SourceSpan at(Template t, SourceSpan fallback) {
    if (t != null) {
      for (Template.Ref r : t.refs()) {
        if (r.at() != null) {
          return r.at();
        }
      }
    }
    return fallback;
  }
}
