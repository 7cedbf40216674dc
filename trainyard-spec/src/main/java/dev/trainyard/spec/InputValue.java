package dev.trainyard.spec;

/** The value a step gives one of its inputs. */
public sealed interface InputValue {

  SourceSpan at();

  /** A literal: {@code degree: 3}, {@code shrinking: False}, {@code "hello"}. */
  record Literal(Object value, IoType type, SourceSpan at) implements InputValue {}

  /** A string with bindings, usually exactly one: {@code ${{parent.jobs.prep.outputs.data}}}. */
  record Bound(Template template, SourceSpan at) implements InputValue {}

  /**
   * An asset given as a mapping: {@code {type: uri_folder, path: ./data, mode: ro_mount}}; {@code
   * at} is where its {@code path} is written.
   */
  record Asset(IoType type, Reference path, String mode, boolean optional, SourceSpan at)
      implements InputValue {}

  /** {@code name:} with no value. */
  record Empty(SourceSpan at) implements InputValue {}
}
