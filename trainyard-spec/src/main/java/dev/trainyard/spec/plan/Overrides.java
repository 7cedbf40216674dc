package dev.trainyard.spec.plan;

import dev.trainyard.spec.IoType;
import dev.trainyard.spec.PipelineJob;
import dev.trainyard.spec.PortSpec;
import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.load.Diagnostics;
import dev.trainyard.spec.load.ReferenceParser;
import dev.trainyard.spec.load.Suggest;
import java.nio.file.Path;
import java.util.Map;

/** Applies {@code --set inputs.NAME=VALUE} overrides, typed by the input's declaration. */
final class Overrides {
  private Overrides() {}

  static void apply(PipelineJob job, Map<String, String> overrides, Map<String, ResolvedInput> inputs, Diagnostics out) {
    SourceSpan cli = SourceSpan.of("--set");
    overrides.forEach((name, text) -> {
      PortSpec spec = job.inputs().get(name);
      String path = "inputs." + name;
      if (spec == null) {
        out.error(cli, path, "the pipeline has no input '" + name + "'",
            Suggest.hintOrList(name, job.inputs().keySet(), "its inputs"));
        return;
      }
      IoType t = spec.type();
      if (t.isAsset()) {
        try {
          inputs.put(name, new ResolvedInput.Asset(ReferenceParser.parse(text, Path.of("").toAbsolutePath()), t, spec.mode()));
        } catch (IllegalArgumentException e) {
          out.error(cli, path, e.getMessage(), null);
        }
        return;
      }
      // An inferred type (from a literal default) does not bind the override: "3" may replace "hello".
      Object v = spec.typeDeclared() ? TypeCheck.coerce(text, t) : text;
      if (!spec.typeDeclared() && t != IoType.STRING) {
        v = TypeCheck.coerce(text, t);
        if (v == null) {
          v = text;
          t = IoType.STRING;
        }
      }
      if (v == null) {
        out.error(cli, path, "'" + text + "' is not " + TypeCheck.article(t), null);
        return;
      }
      // An inferred type has no enum or range; the inputs this value flows into check its type.
      if (spec.typeDeclared() && !TypeCheck.literal(v, spec, cli, path, out)) {
        inputs.put(name, new ResolvedInput.Unbound(name, t)); // reported once, at --set
        return;
      }
      inputs.put(name, new ResolvedInput.Value(v, t));
    });
  }
}
