package dev.trainyard.spec.load;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.Component;
import dev.trainyard.spec.Environment;
import dev.trainyard.spec.Meta;
import dev.trainyard.spec.MiniBatchSize;
import dev.trainyard.spec.PortSpec;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.Resources;
import dev.trainyard.spec.Settings;
import dev.trainyard.spec.Step;
import dev.trainyard.spec.Template;
import dev.trainyard.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the "what runs" part of a step or component file: command, parallel, Spark and pipeline
 * definitions, environments and resources. Shared by inline steps and component files.
 */
final class ComponentReader {
  private final Ctx ctx;

  ComponentReader(Ctx ctx) {
    this.ctx = ctx;
  }

  Meta meta(MapReader r) {
    return new Meta(r.string("name"), r.string("version"), r.string("display_name"),
        r.string("description"), r.stringMap("tags"), r.map().at());
  }

  Component.Command command(MapReader r, Meta meta, Map<String, PortSpec> in, Map<String, PortSpec> out) {
    Template command = null;
    YNode cmd = r.node("command");
    if (cmd instanceof YNode.Scalar s && !s.isNull()) {
      command = ctx.template(s, r.child("command"));
    } else if (cmd != null && !(cmd instanceof YNode.Scalar)) {
      ctx.out.error(cmd.at(), r.child("command"), "expected the command line as a string, found " + cmd.kindWord(), null);
    } else {
      ctx.out.error(r.map().at(), r.child("command"), "a command step needs 'command' (or a 'component')", null);
    }
    Boolean det = r.bool("is_deterministic");
    List<Reference> includes = new ArrayList<>();
    for (String inc : r.stringList("additional_includes")) {
      try {
        includes.add(ReferenceParser.parse(inc, ctx.baseDir));
      } catch (IllegalArgumentException e) {
        ctx.out.error(r.at("additional_includes"), r.child("additional_includes"), e.getMessage(), null);
      }
    }
    return new Component.Command(meta, in, out, command, code(r, "code"), environment(r), det == null || det,
        includes, distribution(r), resources(r), r.stringMap("environment_variables"), ctx.source);
  }

  Component.Parallel parallel(MapReader r, Meta meta, Map<String, PortSpec> in, Map<String, PortSpec> out) {
    Template inputData = null;
    YNode id = r.node("input_data");
    if (id instanceof YNode.Scalar s && !s.isNull()) {
      inputData = ctx.template(s, r.child("input_data"));
      if (inputData != null && !isSole(inputData, Binding.Scope.INPUTS)) {
        ctx.out.error(s.at(), r.child("input_data"), "input_data must be a single ${{inputs.NAME}}, found '"
            + s.value() + "'", "give the data as a step input and refer to it: input_data: ${{inputs.data}}");
      }
    } else {
      ctx.out.error(r.at("input_data"), r.child("input_data"),
          "a parallel step needs 'input_data', such as ${{inputs.data}}", null);
    }
    MiniBatchSize mbs = MiniBatchSize.DEFAULT;
    String raw = r.string("mini_batch_size");
    if (raw != null) {
      mbs = MiniBatchSize.parse(raw);
      if (mbs == null) {
        ctx.out.error(r.at("mini_batch_size"), r.child("mini_batch_size"), "invalid mini_batch_size '" + raw
            + "': expected a positive number of files or a size such as \"10kb\", \"1mb\"", null);
        mbs = MiniBatchSize.DEFAULT;
      }
    }
    int maxConcurrency = positive(r, "max_concurrency_per_instance", 1);
    int mbThreshold = threshold(r, "mini_batch_error_threshold");
    int threshold = threshold(r, "error_threshold");
    int maxRetries = 3;
    Long retryTimeout = null;
    YNode.Mapping retry = r.mapping("retry_settings");
    if (retry != null) {
      MapReader rr = ctx.reader(retry, r.child("retry_settings"), KnownKeys.RETRY, "retry_settings");
      Long mr = rr.integer("max_retries");
      if (mr != null && mr < 0) {
        ctx.out.error(rr.at("max_retries"), rr.child("max_retries"), "max_retries must not be negative, found " + mr,
            null);
      }
      maxRetries = mr == null ? maxRetries : (int) Math.max(0, Math.min(mr, 1000));
      retryTimeout = rr.integer("timeout");
    }
    String logging = r.string("logging_level");
    if (logging != null && !List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL").contains(logging.toUpperCase(java.util.Locale.ROOT))) {
      ctx.out.error(r.at("logging_level"), r.child("logging_level"), "unknown logging_level '" + logging + "'",
          "use DEBUG, INFO, WARNING, ERROR or CRITICAL");
    }
    Component.ParallelTask task = task(r);
    Boolean det = r.bool("is_deterministic");
    return new Component.Parallel(meta, in, out, inputData, mbs, maxConcurrency, mbThreshold, threshold,
        maxRetries, retryTimeout, logging == null ? "INFO" : logging, r.stringList("partition_keys"), task,
        resources(r), r.stringMap("environment_variables"), det == null || det, ctx.source);
  }

  private Component.ParallelTask task(MapReader r) {
    YNode.Mapping t = r.mapping("task");
    if (t == null) {
      ctx.out.error(r.at("task"), r.child("task"), "a parallel step needs a 'task' with an entry_script", null);
      return null;
    }
    MapReader tr = ctx.reader(t, r.child("task"), KnownKeys.TASK, "a parallel task");
    String type = tr.string("type");
    if (type != null && !type.equals("run_function") && !type.equals("java")) {
      ctx.out.error(tr.at("type"), tr.child("type"), "unknown task type '" + type + "'",
          "use run_function (a script) or java (a class implementing the SDK's ParallelTask)");
    }
    String entry = tr.string("entry_script");
    if (entry == null) {
      entry = tr.has("class_name") ? tr.string("class_name") : tr.string("entry_class");
    }
    if (entry == null) {
      ctx.out.error(t.at(), tr.child("entry_script"), "a parallel task needs 'entry_script'", null);
    }
    Reference code = code(tr, "code");
    if (code == null) {
      code = code(r, "code");
    }
    Template appendRowTo = template(tr, "append_row_to");
    if (appendRowTo != null && !isSole(appendRowTo, Binding.Scope.OUTPUTS)) {
      ctx.out.error(tr.at("append_row_to"), tr.child("append_row_to"), "append_row_to must be a single"
          + " ${{outputs.NAME}}, found '" + appendRowTo.raw() + "'", null);
    }
    return new Component.ParallelTask(type == null ? "run_function" : type, code, entry,
        template(tr, "program_arguments"), appendRowTo, environment(tr));
  }

  private static boolean isSole(Template t, Binding.Scope scope) {
    return t.soleBinding() != null && t.soleBinding().scope() == scope;
  }

  Component.Spark spark(MapReader r, Meta meta, Map<String, PortSpec> in, Map<String, PortSpec> out) {
    String file = null;
    String cls = null;
    YNode.Mapping entry = r.mapping("entry");
    if (entry == null) {
      ctx.out.error(r.at("entry"), r.child("entry"), "a Spark step needs 'entry' with 'file' or 'class_name'", null);
    } else {
      MapReader er = ctx.reader(entry, r.child("entry"), java.util.Set.of("file", "class_name"), "a Spark entry");
      file = er.string("file");
      cls = er.string("class_name");
      if (file == null && cls == null) {
        ctx.out.error(entry.at(), r.child("entry"), "a Spark entry needs 'file' or 'class_name'", null);
      }
    }
    Map<String, String> conf = r.stringMap("conf");
    for (String k : List.of("driver_cores", "driver_memory", "executor_cores", "executor_memory",
        "executor_instances")) {
      String v = r.string(k);
      if (v != null) {
        conf.put("spark." + k.replace('_', '.'), v);
      }
    }
    return new Component.Spark(meta, in, out, code(r, "code"), file, cls, r.stringList("py_files"),
        r.stringList("jars"), conf, template(r, "args"), environment(r), ctx.source);
  }

  Component.Pipeline pipeline(MapReader r, Meta meta, Map<String, PortSpec> in, Map<String, PortSpec> out,
      StepReader steps) {
    Map<String, Step> jobs = steps.jobs(r);
    return new Component.Pipeline(meta, in, out, jobs, settings(r), ctx.source);
  }

  Settings settings(MapReader r) {
    YNode.Mapping m = r.mapping("settings");
    if (m == null) {
      return Settings.DEFAULT;
    }
    MapReader s = ctx.reader(m, r.child("settings"), KnownKeys.SETTINGS, "settings");
    Map<String, String> other = new LinkedHashMap<>();
    for (YNode.Entry e : m.entries().values()) {
      String k = e.key().value();
      if (!List.of("default_compute", "default_datastore", "continue_on_step_failure", "force_rerun").contains(k)
          && e.value() instanceof YNode.Scalar sc) {
        other.put(k, sc.value());
      }
    }
    Boolean cont = s.bool("continue_on_step_failure");
    Boolean force = s.bool("force_rerun");
    return new Settings(s.string("default_compute"), s.string("default_datastore"), cont != null && cont,
        force != null && force, other);
  }

  Environment environment(MapReader r) {
    YNode n = r.node("environment");
    if (n == null || n instanceof YNode.Scalar s && s.isNull()) {
      return null;
    }
    if (n instanceof YNode.Scalar s) {
      return new Environment(s.value(), ctx.reference(s, r.child("environment")), null, null, s.at());
    }
    if (n instanceof YNode.Mapping m) {
      MapReader er = ctx.reader(m, r.child("environment"), KnownKeys.ENVIRONMENT, "an environment");
      Reference conda = er.has("conda_file") ? code(er, "conda_file") : null;
      String image = er.string("image");
      if (image == null && conda == null && !er.has("build")) {
        ctx.out.error(m.at(), r.child("environment"), "an inline environment needs 'image', 'conda_file' or 'build'", null);
      }
      return new Environment(null, null, image, conda, m.at());
    }
    ctx.out.error(n.at(), r.child("environment"), "expected a reference or a mapping, found " + n.kindWord(), null);
    return null;
  }

  Resources resources(MapReader r) {
    Integer count = null;
    String type = null;
    YNode.Mapping res = r.mapping("resources");
    if (res != null) {
      MapReader rr = ctx.reader(res, r.child("resources"), KnownKeys.RESOURCES, "resources");
      Long c = rr.integer("instance_count");
      if (c != null && (c < 1 || c > 10_000)) {
        ctx.out.error(rr.at("instance_count"), rr.child("instance_count"),
            "instance_count must be between 1 and 10000, found " + c, null);
      } else if (c != null) {
        count = c.intValue();
      }
      type = rr.string("instance_type");
    }
    Long timeout = null;
    YNode.Mapping lim = r.mapping("limits");
    if (lim != null) {
      MapReader lr = ctx.reader(lim, r.child("limits"), KnownKeys.LIMITS, "limits");
      timeout = lr.integer("timeout");
      if (timeout != null && timeout <= 0) {
        ctx.out.error(lr.at("timeout"), lr.child("timeout"), "timeout must be a positive number of seconds, found "
            + timeout, null);
        timeout = null;
      }
    }
    return new Resources(count, type, timeout);
  }

  private String distribution(MapReader r) {
    YNode.Mapping d = r.mapping("distribution");
    if (d == null) {
      return null;
    }
    String t = ctx.reader(d, r.child("distribution"), null, "distribution").string("type");
    return t == null ? "unknown" : t;
  }

  /** A code or file path: a local path (checked to exist) or a reference. */
  Reference code(MapReader r, String key) {
    YNode n = r.node(key);
    if (!(n instanceof YNode.Scalar s) || s.isNull()) {
      if (n != null && !(n instanceof YNode.Scalar)) {
        ctx.out.error(n.at(), r.child(key), "expected a path, found " + n.kindWord(), null);
      }
      return null;
    }
    Reference ref = ctx.reference(s, r.child(key));
    if (ref instanceof Reference.LocalPath lp && !java.nio.file.Files.exists(lp.path())) {
      ctx.out.error(s.at(), r.child(key), (key.equals("path") ? "path" : key + " path") + " '" + s.value() + "' does not exist (resolved to "
          + ctx.display(lp.path()) + ")", "paths are relative to the folder of " + ctx.file);
    }
    return ref;
  }

  private Template template(MapReader r, String key) {
    YNode n = r.node(key);
    if (n == null || n instanceof YNode.Scalar s && s.isNull()) {
      return null;
    }
    if (n instanceof YNode.Scalar s) {
      return ctx.template(s, r.child(key));
    }
    if (n instanceof YNode.Sequence seq) {
      StringBuilder joined = new StringBuilder();
      for (YNode item : seq.items()) {
        if (item instanceof YNode.Scalar s) {
          Template t = ctx.template(s, r.child(key));
          if (t != null) {
            joined.append(joined.length() == 0 ? "" : " ").append(s.value());
          }
        }
      }
      YNode.Scalar merged = new YNode.Scalar(joined.toString(), true, seq.at(), seq.at());
      return ctx.template(merged, r.child(key));
    }
    ctx.out.error(n.at(), r.child(key), "expected a string, found " + n.kindWord(), null);
    return null;
  }

  private int positive(MapReader r, String key, int dflt) {
    Long v = r.integer(key);
    if (v == null) {
      return dflt;
    }
    if (v < 1 || v > 10_000) {
      ctx.out.error(r.at(key), r.child(key), key + " must be between 1 and 10000, found " + v, null);
      return dflt;
    }
    return v.intValue();
  }

  private int threshold(MapReader r, String key) {
    Long v = r.integer(key);
    if (v == null) {
      return -1;
    }
    if (v < -1) {
      ctx.out.error(r.at(key), r.child(key), key + " must be -1 (ignore failures) or a count, found " + v,
          null);
      return -1;
    }
    return (int) Math.min(v, Integer.MAX_VALUE);
  }
}
