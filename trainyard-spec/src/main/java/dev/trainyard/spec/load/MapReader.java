package dev.trainyard.spec.load;

import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads from one YAML mapping, each error naming the key's YAML path and position. Unknown
 * keys are warned about once, when the reader is made, with a "did you mean" hint.
 */
final class MapReader {
  private final YNode.Mapping map;
  private final String path;
  private final Diagnostics out;

  MapReader(YNode.Mapping map, String path, Diagnostics out, Set<String> known, String what) {
    this.map = map;
    this.path = path;
    this.out = out;
    if (known != null) {
      for (YNode.Entry e : map.entries().values()) {
        String k = e.key().value();
        if (!known.contains(k)) {
          String hint = Suggest.hint(k, known);
          out.warn(e.key().at(), child(k), "unknown key '" + k + "' in " + what + " (ignored)", hint);
        }
      }
    }
  }

  YNode.Mapping map() {
    return map;
  }

  String path() {
    return path;
  }

  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    YNode n = map.get(key);
    return n != null && !(n instanceof YNode.Scalar s && s.isNull());
  }

  YNode node(String key) {
    return map.get(key);
  }

  /** Where the key's value is, or the key itself when the value is empty. */
  SourceSpan at(String key) {
    YNode.Entry e = map.entries().get(key);
    if (e == null) {
      return map.at();
    }
    return e.value() instanceof YNode.Scalar s && s.isNull() ? e.key().at() : e.value().at();
  }

  SourceSpan keyAt(String key) {
    YNode.Entry e = map.entries().get(key);
    return e == null ? map.at() : e.key().at();
  }

  /** A scalar's text; null when absent or empty; an error when not a scalar. */
  String string(String key) {
    YNode n = map.get(key);
    if (n == null) {
      return null;
    }
    if (n instanceof YNode.Scalar s) {
      return s.isNull() ? null : s.value();
    }
    out.error(n.at(), child(key), "expected a string, found " + n.kindWord(), null);
    return null;
  }

  Boolean bool(String key) {
    String v = string(key);
    if (v == null) {
      return null;
    }
    Boolean b = Scalars.bool(v.strip());
    if (b == null) {
      out.error(at(key), child(key), "expected true or false, found '" + v + "'", null);
    }
    return b;
  }

  Long integer(String key) {
    String v = string(key);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      out.error(at(key), child(key), "expected a whole number, found '" + v + "'", null);
      return null;
    }
  }

  Double number(String key) {
    String v = string(key);
    if (v == null) {
      return null;
    }
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      out.error(at(key), child(key), "expected a number, found '" + v + "'", null);
      return null;
    }
  }

  /** A nested mapping; null when absent or empty; an error when another kind. */
  YNode.Mapping mapping(String key) {
    YNode n = map.get(key);
    if (n == null || n instanceof YNode.Scalar s && s.isNull()) {
      return null;
    }
    if (n instanceof YNode.Mapping m) {
      return m;
    }
    out.error(n.at(), child(key), "expected a mapping, found " + n.kindWord(), null);
    return null;
  }

  /** A list of strings; a single scalar counts as a one-item list. */
  List<String> stringList(String key) {
    YNode n = map.get(key);
    List<String> result = new ArrayList<>();
    if (n == null || n instanceof YNode.Scalar s && s.isNull()) {
      return result;
    }
    if (n instanceof YNode.Scalar s) {
      result.add(s.value());
      return result;
    }
    if (n instanceof YNode.Sequence seq) {
      for (YNode item : seq.items()) {
        if (item instanceof YNode.Scalar s) {
          result.add(s.value());
        } else {
          out.error(item.at(), child(key), "expected a list of strings, found " + item.kindWord(), null);
        }
      }
      return result;
    }
    out.error(n.at(), child(key), "expected a list, found " + n.kindWord(), null);
    return result;
  }

  /** A mapping of names to scalar values (tags, environment variables, Spark conf). */
  Map<String, String> stringMap(String key) {
    Map<String, String> result = new LinkedHashMap<>();
    YNode.Mapping m = mapping(key);
    if (m == null) {
      return result;
    }
    for (YNode.Entry e : m.entries().values()) {
      if (e.value() instanceof YNode.Scalar s) {
        result.put(e.key().value(), s.isNull() ? "" : s.value());
      } else {
        out.error(e.value().at(), child(key) + "." + e.key().value(),
            "expected a plain value, found " + e.value().kindWord(), null);
      }
    }
    return result;
  }
}
