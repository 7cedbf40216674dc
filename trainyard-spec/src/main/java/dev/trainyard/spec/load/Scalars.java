package dev.trainyard.spec.load;

import dev.trainyard.spec.IoType;
import dev.trainyard.spec.yaml.YNode;
import java.util.regex.Pattern;

/**
 * Typing of scalars, loose the way this dialect's files are: {@code True}/{@code False} are
 * booleans, {@code 1} is an integer, {@code 0.5} a number, quoted text is always a string.
 */
public final class Scalars {
  private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  private Scalars() {}

  /** A plain scalar's meaning: Boolean, Long, Double, null, or its text. Quoted scalars stay text. */
  public static Object literal(YNode.Scalar s) {
    if (!s.plain()) {
      return s.value();
    }
    if (s.isNull()) {
      return null;
    }
    Boolean b = bool(s.value());
    if (b != null) {
      return b;
    }
    String v = s.value();
    if (INT.matcher(v).matches()) {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        return v;
      }
    }
    if (FLOAT.matcher(v).matches()) {
      String n = v.toLowerCase(java.util.Locale.ROOT);
      if (n.endsWith(".inf")) {
        return n.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (n.endsWith(".nan")) {
        return Double.NaN;
      }
      return Double.parseDouble(v);
    }
    return v;
  }

  /** {@code true}/{@code True}/{@code TRUE} and the false forms; null for anything else. */
  public static Boolean bool(String v) {
    return switch (v) {
      case "true", "True", "TRUE" -> Boolean.TRUE;
      case "false", "False", "FALSE" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** The parameter type a literal has. */
  public static IoType typeOf(Object literal) {
    if (literal instanceof Boolean) {
      return IoType.BOOLEAN;
    }
    if (literal instanceof Long) {
      return IoType.INTEGER;
    }
    if (literal instanceof Double) {
      return IoType.NUMBER;
    }
    return IoType.STRING;
  }

  /** How a literal is shown and substituted into commands: {@code True} stays as written. */
  public static String text(Object literal) {
    if (literal instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
      return String.valueOf(d);
    }
    return String.valueOf(literal);
  }
}
