package dev.trainyard.spec.plan;

import dev.trainyard.spec.IoType;
import dev.trainyard.spec.PortSpec;
import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.load.Diagnostics;

/** Type, range and enum checks of values flowing into declared inputs. */
final class TypeCheck {
  private TypeCheck() {}

  /** Checks a resolved value against the input it flows into; false when it reported an error. */
  static boolean flow(ResolvedInput r, PortSpec decl, SourceSpan at, String path, Diagnostics out) {
    if (r instanceof ResolvedInput.Value v && !(v.value() instanceof String s && s.startsWith("${{"))) {
      return literal(v.value(), decl, at, path, out);
    }
    IoType from = r.type();
    if (from == null || r instanceof ResolvedInput.Absent) {
      return true;
    }
    if (!decl.type().accepts(from)) {
      String what = r instanceof ResolvedInput.StepOutput so ? "the " + from + " output '" + so.output() + "' of step '"
          + so.step() + "'" : "a " + from;
      out.error(at, path, "type mismatch: input '" + decl.name() + "' is " + article(decl.type()) + " but is given "
          + what, null);
      return false;
    }
    return true;
  }

  /** Checks a literal against a declared input: type, enum, min and max; false when it reported an error. */
  static boolean literal(Object value, PortSpec decl, SourceSpan at, String path, Diagnostics out) {
    IoType t = decl.type();
    if (t == null || value == null) {
      return true;
    }
    if (t.isAsset()) {
      out.error(at, path, "type mismatch: input '" + decl.name() + "' is " + article(t) + " but is given the "
          + describe(value), "give {type: " + t + ", path: ...} for a file or folder");
      return false;
    }
    Object v = coerce(value, t);
    if (v == null) {
      out.error(at, path, "type mismatch: input '" + decl.name() + "' is " + article(t) + " but is given the "
          + describe(value), null);
      return false;
    }
    boolean ok = true;
    if (!decl.enumValues().isEmpty() && !decl.enumValues().contains(String.valueOf(value))) {
      out.error(at, path, "'" + value + "' is not one of " + decl.enumValues() + " for input '" + decl.name() + "'",
          dev.trainyard.spec.load.Suggest.hint(String.valueOf(value), decl.enumValues()));
      ok = false;
    }
    if (v instanceof Number n) {
      if (decl.min() != null && n.doubleValue() < decl.min()) {
        out.error(at, path, "input '" + decl.name() + "' is " + value + ", below its min " + fmt(decl.min()), null);
        ok = false;
      }
      if (decl.max() != null && n.doubleValue() > decl.max()) {
        out.error(at, path, "input '" + decl.name() + "' is " + value + ", above its max " + fmt(decl.max()), null);
        ok = false;
      }
    }
    return ok;
  }

  /** The value as the given parameter type, or null if it cannot be one. */
  static Object coerce(Object value, IoType t) {
    String s = String.valueOf(value).strip();
    switch (t) {
      case STRING:
        return String.valueOf(value);
      case INTEGER:
        if (value instanceof Long) {
          return value;
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
          return d.longValue();
        }
        try {
          return value instanceof String ? Long.parseLong(s) : null;
        } catch (NumberFormatException e) {
          return null;
        }
      case NUMBER:
        if (value instanceof Number n) {
          return n.doubleValue();
        }
        try {
          return value instanceof String ? Double.parseDouble(s) : null;
        } catch (NumberFormatException e) {
          return null;
        }
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        return value instanceof String ? dev.trainyard.spec.load.Scalars.bool(s) : null;
      default:
        return null;
    }
  }

  private static String describe(Object v) {
    return v instanceof String ? "string '" + v + "'" : (v instanceof Boolean ? "boolean " : "number ") + v;
  }

  static String article(IoType t) {
    String n = t.yamlName();
    return ("aeiou".indexOf(n.charAt(0)) >= 0 && !n.startsWith("uri") ? "an " : "a ") + n;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
