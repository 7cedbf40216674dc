package dev.trainyard.spec;

import java.util.List;

/**
 * A string with {@code ${{...}}} bindings and {@code $[[...]]} optional fragments, parsed into
 * parts. A command, an argument list, a binding-valued input and an output path are templates.
 */
public record Template(String raw, List<Part> parts) {

  public Template {
    parts = List.copyOf(parts);
  }

  /** A template holding only text. */
  public static Template literal(String text) {
    return new Template(text, List.of(new Text(text)));
  }

  /** A piece of a template. */
  public sealed interface Part permits Text, Ref, Optional {}

  /** Literal text. */
  public record Text(String text) implements Part {}

  /**
   * One {@code ${{ expression }}}.
   *
   * @param offset the offset of {@code $} within {@link Template#raw()}
   * @param at where the binding is in the source file, or null when not known
   */
  public record Ref(Binding binding, int offset, SourceSpan at) implements Part {}

  /** {@code $[[ ... ]]}: dropped whole when any optional input it refers to is unset. */
  public record Optional(List<Part> parts, int offset) implements Part {
    public Optional {
      parts = List.copyOf(parts);
    }
  }

  /** The single binding this template consists of, or null if it has text or several parts. */
  public Binding soleBinding() {
    if (parts.size() == 1 && parts.get(0) instanceof Ref r) {
      return r.binding();
    }
    return null;
  }

  /** Every binding, including those inside optional fragments. */
  public List<Ref> refs() {
    List<Ref> out = new java.util.ArrayList<>();
    collect(parts, out);
    return out;
  }

  private static void collect(List<Part> parts, List<Ref> out) {
    for (Part p : parts) {
      if (p instanceof Ref r) {
        out.add(r);
      } else if (p instanceof Optional o) {
        collect(o.parts(), out);
      }
    }
  }

  /** True if the template has at least one binding. */
  public boolean hasBindings() {
    return !refs().isEmpty();
  }
}
