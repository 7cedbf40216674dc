package dev.trainyard.spec.load;

import dev.trainyard.spec.InputValue;
import dev.trainyard.spec.IoType;
import dev.trainyard.spec.PortSpec;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.Template;
import dev.trainyard.spec.binding.BindingParser;
import dev.trainyard.spec.yaml.YNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code inputs:} and {@code outputs:} sections: declarations, values and step bindings. */
final class PortReader {
  private static final Set<String> INPUT_MODES =
      Set.of("ro_mount", "download", "direct", "eval_mount", "eval_download", "mount", "rw_mount", "upload");
  private static final Set<String> OUTPUT_MODES = Set.of("rw_mount", "upload", "direct", "mount");

  private final Ctx ctx;

  PortReader(Ctx ctx) {
    this.ctx = ctx;
  }

  private YNode.Mapping section(MapReader r, String key) {
    return r.mapping(key);
  }

  /** Pipeline or component inputs: declarations with defaults, or literal shorthands. */
  Map<String, PortSpec> inputs(MapReader parent, String key) {
    return ports(parent, key, this::input);
  }

  private PortSpec input(String name, YNode value, String path, YNode.Entry e) {
    if (value instanceof YNode.Scalar s) {
      if (s.isNull()) {
        return new PortSpec(name, IoType.STRING, false, true, null, null, null, null, null, null, null,
            null, null, null, e.key().at());
      }
      Object literal = Scalars.literal(s);
      Template binding = null;
      if (literal instanceof String str && BindingParser.mayBind(str)) {
        binding = ctx.template(s, path);
      }
      return new PortSpec(name, Scalars.typeOf(literal), false, false, literal, null, null, null, null, null,
          null, null, null, binding, s.at());
    }
    if (!(value instanceof YNode.Mapping map)) {
      ctx.out.error(value.at(), path, "expected a value or a mapping with 'type', found " + value.kindWord(), null);
      return new PortSpec(name, IoType.STRING, false, true, null, null, null, null, null, null, null, null,
          null, null, value.at());
    }
    MapReader r = ctx.reader(map, path, KnownKeys.INPUT, "an input");
    IoType type = type(r);
    Object dflt = null;
    String dkey = r.has("default") ? "default" : r.has("value") ? "value" : null;
    if (dkey != null) {
      if (r.node(dkey) instanceof YNode.Scalar s) {
        dflt = Scalars.literal(s);
      } else {
        ctx.out.error(r.at(dkey), r.child(dkey), "a default must be a plain value", null);
      }
    }
    Reference ref = null;
    if (r.has("path")) {
      ref = reference(r, "path");
    }
    if (type == null) {
      type = ref != null ? IoType.URI_FOLDER : dflt != null ? Scalars.typeOf(dflt) : IoType.STRING;
    }
    if (dflt != null && type.isAsset() && ref == null) {
      // Azure lets an asset input default to a path string.
      ref = dflt instanceof String str ? safeRef(str, r, dkey) : null;
      dflt = null;
    }
    String mode = mode(r, INPUT_MODES);
    Boolean optional = r.bool("optional");
    List<String> enumValues = r.has("enum") ? r.stringList("enum") : List.of();
    // Like a literal shorthand, a port is placed at its value (path or default) when it has one.
    SourceSpan at = r.has("path") ? r.at("path") : dkey != null ? r.at(dkey) : e.key().at();
    return new PortSpec(name, type, r.has("type"), optional != null && optional, dflt, ref, mode,
        r.string("description"), r.number("min"), r.number("max"), enumValues, r.string("name"),
        r.string("version"), null, at);
  }

  private Reference safeRef(String str, MapReader r, String key) {
    YNode n = r.node(key);
    return n instanceof YNode.Scalar s ? ctx.reference(s, r.child(key)) : null;
  }

  /** Outputs of a pipeline, component or step; a step output may bind {@code ${{parent.outputs.X}}}. */
  Map<String, PortSpec> outputs(MapReader parent, String key) {
    return ports(parent, key, this::output);
  }

  /** Reads one entry of an {@code inputs:} or {@code outputs:} section. */
  private interface PortParser {
    PortSpec read(String name, YNode value, String path, YNode.Entry e);
  }

  /** The section's ports in file order, each name checked before {@code parser} reads its value. */
  private Map<String, PortSpec> ports(MapReader parent, String key, PortParser parser) {
    Map<String, PortSpec> result = new LinkedHashMap<>();
    YNode.Mapping m = section(parent, key);
    if (m == null) {
      return result;
    }
    for (YNode.Entry e : m.entries().values()) {
      String name = e.key().value();
      String path = parent.child(key) + "." + name;
      checkName(e.key(), path);
      result.put(name, parser.read(name, e.value(), path, e));
    }
    return result;
  }

  private PortSpec output(String name, YNode value, String path, YNode.Entry e) {
    if (value instanceof YNode.Scalar s) {
      Template binding = null;
      if (!s.isNull()) {
        if (BindingParser.mayBind(s.value())) {
          binding = ctx.template(s, path);
        } else {
          ctx.out.error(s.at(), path, "an output must be empty, a mapping or a binding such as"
              + " ${{parent.outputs.NAME}}, found '" + s.value() + "'", null);
        }
      }
      return new PortSpec(name, IoType.URI_FOLDER, false, false, null, null, null, null, null, null, null,
          null, null, binding, e.key().at());
    }
    if (!(value instanceof YNode.Mapping map)) {
      ctx.out.error(value.at(), path, "expected a mapping, found " + value.kindWord(), null);
      return new PortSpec(name, IoType.URI_FOLDER, false, false, null, null, null, null, null, null, null,
          null, null, null, e.key().at());
    }
    MapReader r = ctx.reader(map, path, KnownKeys.OUTPUT, "an output");
    IoType type = type(r);
    Reference ref = r.has("path") ? reference(r, "path") : null;
    String mode = mode(r, OUTPUT_MODES);
    String assetName = r.string("name");
    String version = r.string("version");
    if (version != null && assetName == null) {
      ctx.out.error(r.at("version"), r.child("version"), "an output 'version' needs a 'name' to register under", null);
    }
    return new PortSpec(name, type == null ? IoType.URI_FOLDER : type, type != null, false, null, ref, mode,
        r.string("description"), null, null, List.of(), assetName, version, null, e.key().at());
  }

  /** A step's value for one of its inputs. */
  InputValue stepInput(YNode value, String path) {
    if (value instanceof YNode.Scalar s) {
      if (s.isNull()) {
        return new InputValue.Empty(s.at());
      }
      Object literal = Scalars.literal(s);
      if (literal instanceof String str && BindingParser.mayBind(str)) {
        Template t = ctx.template(s, path);
        return t == null ? new InputValue.Empty(s.at()) : new InputValue.Bound(t, s.at());
      }
      return new InputValue.Literal(literal, Scalars.typeOf(literal), s.at());
    }
    if (!(value instanceof YNode.Mapping map)) {
      ctx.out.error(value.at(), path, "expected a value, a binding or a mapping, found " + value.kindWord(), null);
      return new InputValue.Empty(value.at());
    }
    MapReader r = ctx.reader(map, path, KnownKeys.INPUT, "an input");
    IoType type = type(r);
    Boolean optional = r.bool("optional");
    if (r.has("path")) {
      Reference ref = reference(r, "path");
      if (ref == null) {
        return new InputValue.Empty(map.at());
      }
      // Placed at its path, as a literal input is placed at its value.
      return new InputValue.Asset(type, ref, mode(r, INPUT_MODES), optional != null && optional, r.at("path"));
    }
    String dkey = r.has("value") ? "value" : r.has("default") ? "default" : null;
    if (dkey != null && r.node(dkey) instanceof YNode.Scalar s) {
      InputValue v = stepInput(s, r.child(dkey));
      if (v instanceof InputValue.Literal lit && type != null && !type.isAsset()) {
        return new InputValue.Literal(lit.value(), type, lit.at());
      }
      return v;
    }
    return new InputValue.Empty(map.at());
  }

  private IoType type(MapReader r) {
    String t = r.string("type");
    if (t == null) {
      return null;
    }
    var parsed = IoType.parse(t);
    if (parsed.isEmpty()) {
      List<String> names = java.util.Arrays.stream(IoType.values()).map(IoType::yamlName).toList();
      ctx.out.error(r.at("type"), r.child("type"), "unknown type '" + t + "'",
          Suggest.hintOrList(t, names, "types"));
      return null;
    }
    return parsed.get();
  }

  private String mode(MapReader r, Set<String> allowed) {
    String mode = r.string("mode");
    if (mode != null && !allowed.contains(mode)) {
      ctx.out.error(r.at("mode"), r.child("mode"), "unknown mode '" + mode + "'",
          Suggest.hintOrList(mode, new java.util.TreeSet<>(allowed), "modes"));
    }
    return mode;
  }

  private Reference reference(MapReader r, String key) {
    YNode n = r.node(key);
    if (n instanceof YNode.Scalar s && !s.isNull()) {
      return ctx.reference(s, r.child(key));
    }
    ctx.out.error(r.at(key), r.child(key), "expected a path or reference", null);
    return null;
  }

  /** Whether {@code name} can be used in a binding such as {@code ${{inputs.NAME}}}. */
  static boolean validName(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_\\-]*");
  }

  private void checkName(YNode.Scalar key, String path) {
    if (!validName(key.value())) {
      ctx.out.error(key.at(), path, "'" + key.value() + "' is not a valid port name",
          "use letters, digits, '_' and '-', starting with a letter or '_'");
    }
  }
}
