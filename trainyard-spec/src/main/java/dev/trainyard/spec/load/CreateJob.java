package dev.trainyard.spec.load;

import dev.trainyard.spec.Meta;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.PortSpec;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.Settings;
import dev.trainyard.spec.SpecDocument;
import dev.trainyard.spec.yaml.YNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a schedule's {@code create_job}: a path to a job YAML, an inline {@code {type: pipeline,
 * job: PATH, settings, inputs, outputs, tags}} that runs that file with those values laid over it,
 * or a whole inline job.
 */
final class CreateJob {
  private static final Set<String> OVERLAY_KEYS = Set.of("type", "job", "settings", "inputs", "outputs", "tags",
      "experiment_name", "display_name", "description", "compute");
  private final Ctx ctx;
  private final PortReader ports;
  private final ComponentReader components;

  CreateJob(Ctx ctx, PortReader ports, ComponentReader components) {
    this.ctx = ctx;
    this.ports = ports;
    this.components = components;
  }

  /** The job the schedule creates, or null (reported) when there is none to load. */
  PipelineJob read(MapReader r, boolean monitor) {
    YNode cj = r.node("create_job");
    if (cj instanceof YNode.Scalar s && !s.isNull()) {
      return jobFile(s, "create_job");
    }
    if (cj instanceof YNode.Mapping jm) {
      if (jm.get("job") instanceof YNode.Scalar js && !js.isNull()) {
        MapReader over = ctx.reader(jm, "create_job", OVERLAY_KEYS, "create_job");
        PipelineJob base = jobFile(js, "create_job.job");
        return base == null ? null : overlay(base, over);
      }
      SpecDocument d = new DocumentReader(ctx, "create_job").read(jm);
      return d instanceof PipelineJob p ? p : null;
    }
    if (!monitor) {
      ctx.out.error(r.keyAt("create_job"), "create_job", "a schedule needs 'create_job'", null);
    }
    return null;
  }

  /** The settings, inputs, outputs and tags of an inline create_job replace those of its file. */
  private PipelineJob overlay(PipelineJob base, MapReader over) {
    Meta bm = base.meta();
    Map<String, String> tags = new LinkedHashMap<>(bm.tags());
    tags.putAll(over.stringMap("tags"));
    Meta meta = new Meta(bm.name(), bm.version(), or(over.string("display_name"), bm.displayName()),
        or(over.string("description"), bm.description()), tags, bm.at());
    Map<String, PortSpec> inputs = new LinkedHashMap<>(base.inputs());
    ports.inputs(over, "inputs").forEach((name, v) -> {
      PortSpec decl = base.inputs().get(name);
      if (decl == null) {
        ctx.out.error(v.at(), "create_job.inputs." + name, "the job has no input '" + name + "'",
            Suggest.hintOrList(name, base.inputs().keySet(), "its inputs"));
      } else {
        // A declared type binds the new value; an inferred one ("greeting: hello") does not.
        inputs.put(name, decl.typeDeclared() ? DocumentReader.withValue(decl, v, true) : v);
      }
    });
    Map<String, PortSpec> outputs = new LinkedHashMap<>(base.outputs());
    outputs.putAll(ports.outputs(over, "outputs"));
    return new PipelineJob(meta, or(over.string("experiment_name"), base.experimentName()),
        settings(base.settings(), over), inputs, outputs, base.jobs(), or(over.string("compute"), base.compute()),
        base.fromCommandJob(), base.source());
  }

  /** Only the settings keys written in the overlay replace the file's. */
  private Settings settings(Settings base, MapReader over) {
    YNode.Mapping m = over.mapping("settings");
    if (m == null) {
      return base;
    }
    Settings s = components.settings(over);
    Map<String, String> other = new LinkedHashMap<>(base.other());
    other.putAll(s.other());
    return new Settings(
        m.has("default_compute") ? s.defaultCompute() : base.defaultCompute(),
        m.has("default_datastore") ? s.defaultDatastore() : base.defaultDatastore(),
        m.has("continue_on_step_failure") ? s.continueOnStepFailure() : base.continueOnStepFailure(),
        m.has("force_rerun") ? s.forceRerun() : base.forceRerun(), other);
  }

  private PipelineJob jobFile(YNode.Scalar s, String path) {
    Reference ref = ctx.reference(s, path);
    if (!(ref instanceof Reference.LocalPath lp)) {
      if (ref != null) {
        ctx.out.error(s.at(), path, "create_job must be a path to a job YAML file, found '" + s.value() + "'",
            ref instanceof Reference.Registered ? "registered jobs are not supported; refer to the file by path" : null);
      }
      return null;
    }
    if (!java.nio.file.Files.isRegularFile(lp.path())) {
      ctx.out.error(s.at(), path, "job file '" + s.value() + "' does not exist (resolved to "
          + ctx.display(lp.path()) + ")", "paths are relative to the folder of " + ctx.file);
      return null;
    }
    SpecDocument d = ctx.loader.load(lp.path(), ctx.out);
    if (d != null && !(d instanceof PipelineJob)) {
      ctx.out.error(s.at(), path, "'" + s.value() + "' is a " + d.kindName() + ", not a job", null);
    }
    return d instanceof PipelineJob p ? p : null;
  }

  private static String or(String a, String b) {
    return a != null ? a : b;
  }
}
