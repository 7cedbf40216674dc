package dev.trainyard.spec.binding;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.Binding.Scope;
import dev.trainyard.spec.Template;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses strings holding {@code ${{ expression }}} bindings and {@code $[[ ... ]]} optional
 * fragments into {@link Template}s. Total: any input either parses or raises {@link
 * BindingSyntaxException} with the offset of the problem; nothing else escapes.
 */
public final class BindingParser {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");
  private static final int MAX_LENGTH = 1 << 20;
  /** Longest piece of the input quoted in a message. */
  private static final int SNIPPET = 80;

  private BindingParser() {}

  /** True if {@code s} contains something that looks like a binding or optional fragment. */
  public static boolean mayBind(String s) {
    return s.contains("${{") || s.contains("$[[");
  }

  /** Parses {@code raw}. */
  public static Template parse(String raw) throws BindingSyntaxException {
    if (raw.length() > MAX_LENGTH) {
      throw new BindingSyntaxException(0, "value is longer than " + MAX_LENGTH + " characters");
    }
    List<Template.Part> parts = new ArrayList<>();
    int end = parseParts(raw, 0, raw.length(), parts, false);
    if (end != raw.length()) {
      throw new BindingSyntaxException(end, "unexpected ']]'");
    }
    return new Template(raw, parts);
  }

  private static int parseParts(String s, int from, int to, List<Template.Part> out, boolean inOptional)
      throws BindingSyntaxException {
    StringBuilder text = new StringBuilder();
    int i = from;
    while (i < to) {
      if (s.startsWith("${{", i)) {
        flush(text, out);
        int close = s.indexOf("}}", i + 3);
        if (close < 0 || close + 2 > to) {
          throw new BindingSyntaxException(i, "'${{' is not closed with '}}'");
        }
        out.add(new Template.Ref(parseExpression(s.substring(i + 3, close), i), i, null));
        i = close + 2;
      } else if (s.startsWith("$[[", i)) {
        if (inOptional) {
          throw new BindingSyntaxException(i, "optional fragments '$[[...]]' cannot be nested");
        }
        flush(text, out);
        int close = s.indexOf("]]", i + 3);
        if (close < 0 || close > to) {
          throw new BindingSyntaxException(i, "'$[[' is not closed with ']]'");
        }
        List<Template.Part> inner = new ArrayList<>();
        parseParts(s, i + 3, close, inner, true);
        if (inner.stream().noneMatch(p -> p instanceof Template.Ref)) {
          throw new BindingSyntaxException(i, "optional fragment '" + snippet(s.substring(i, close + 2))
              + "' has no ${{inputs.NAME}} inside; write $[[--flag ${{inputs.NAME}}]]");
        }
        out.add(new Template.Optional(inner, i));
        i = close + 2;
      } else {
        text.append(s.charAt(i));
        i++;
      }
    }
    flush(text, out);
    return i;
  }

  /** {@code s} as quoted in a message: whole when short, else its start, so a huge value cannot flood the output. */
  static String snippet(String s) {
    return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET - 3) + "...";
  }

  private static void flush(StringBuilder text, List<Template.Part> out) {
    if (text.length() > 0) {
      out.add(new Template.Text(text.toString()));
      text.setLength(0);
    }
  }

  /** Parses the inside of {@code ${{ }}}; {@code at} is the offset of the {@code $}. */
  public static Binding parseExpression(String inside, int at) throws BindingSyntaxException {
    String expr = inside.strip();
    if (expr.isEmpty()) {
      throw new BindingSyntaxException(at, "empty binding '${{}}'");
    }
    List<String> names = Arrays.asList(expr.split("\\.", -1));
    for (String n : names) {
      if (!NAME.matcher(n).matches()) {
        throw new BindingSyntaxException(at, "malformed binding '" + snippet("${{" + inside + "}}") + "': '"
            + snippet(n) + "' is not a name");
      }
    }
    int k = names.size();
    String first = names.get(0);
    if (k == 2 && first.equals("inputs")) {
      return new Binding(Scope.INPUTS, names.subList(1, 2), expr);
    }
    if (k == 2 && first.equals("outputs")) {
      return new Binding(Scope.OUTPUTS, names.subList(1, 2), expr);
    }
    if (k == 1 && first.equals("name")) {
      return new Binding(Scope.RUN_NAME, List.of(), expr);
    }
    if (k == 1 && first.equals("default_datastore")) {
      return new Binding(Scope.DEFAULT_DATASTORE, List.of(), expr);
    }
    if (k == 2 && first.equals("search_space")) {
      return new Binding(Scope.SEARCH_SPACE, names.subList(1, 2), expr);
    }
    if (first.equals("parent")) {
      if (k == 3 && names.get(1).equals("inputs")) {
        return new Binding(Scope.PARENT_INPUTS, names.subList(2, 3), expr);
      }
      if (k == 3 && names.get(1).equals("outputs")) {
        return new Binding(Scope.PARENT_OUTPUTS, names.subList(2, 3), expr);
      }
      if (k == 5 && names.get(1).equals("jobs") && names.get(3).equals("outputs")) {
        return new Binding(Scope.PARENT_JOB_OUTPUTS, List.of(names.get(2), names.get(4)), expr);
      }
      if (k == 5 && names.get(1).equals("jobs") && names.get(3).equals("inputs")) {
        return new Binding(Scope.PARENT_JOB_INPUTS, List.of(names.get(2), names.get(4)), expr);
      }
    }
    throw new BindingSyntaxException(at, "unknown binding '" + snippet("${{" + expr + "}}")
        + "'; expected inputs.X, outputs.X,"
        + " parent.inputs.X, parent.outputs.X, parent.jobs.STEP.outputs.X, name or default_datastore");
  }
}
