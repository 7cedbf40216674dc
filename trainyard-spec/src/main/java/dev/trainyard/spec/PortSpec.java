package dev.trainyard.spec;

import java.util.List;

/**
 * A declared or valued input or output of a pipeline or component.
 *
 * <p>Component inputs declare ({@code type}, {@code default}, {@code optional}, {@code min},
 * {@code max}, {@code enum}); pipeline-job inputs give values (a literal shorthand, or {@code
 * {type, path, mode}}); outputs may carry {@code mode}, {@code path}, a {@code name}/{@code
 * version} to register the result, or in a step a binding to {@code ${{parent.outputs.X}}}.
 *
 * @param typeDeclared false when the type was inferred from a literal or defaulted
 * @param defaultValue a String, Long, Double or Boolean literal, or null
 * @param path an asset's location, or null
 * @param at where the port's value is written (its {@code path} or {@code default}, or the literal),
 *     else where its name is
 */
public record PortSpec(
    String name, IoType type, boolean typeDeclared, boolean optional, Object defaultValue,
    Reference path, String mode, String description, Double min, Double max, List<String> enumValues,
    String assetName, String assetVersion, Template binding, SourceSpan at) {

  public PortSpec {
    enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
  }

  /** True when the port has a value of its own: a default literal or a path. */
  public boolean hasValue() {
    return defaultValue != null || path != null;
  }
}
