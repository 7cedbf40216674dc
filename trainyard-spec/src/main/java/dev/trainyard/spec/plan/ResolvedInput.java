package dev.trainyard.spec.plan;

import dev.trainyard.spec.IoType;
import dev.trainyard.spec.Reference;

/** What a step input is once bindings are followed. */
public sealed interface ResolvedInput {

  IoType type();

  /** A literal value (after defaults and {@code --set}); {@code value} is String, Long, Double or Boolean. */
  record Value(Object value, IoType type) implements ResolvedInput {}

  /**
   * The output of an earlier step.
   *
   * @param mode the mode the consuming step asked for ({@code {path: ${{...}}, mode: eval_mount}}),
   *     or null
   */
  record StepOutput(String step, String output, IoType type, String mode) implements ResolvedInput {
    public StepOutput(String step, String output, IoType type) {
      this(step, output, type, null);
    }
  }

  /** A file, folder, registered asset, datastore path or remote URL. */
  record Asset(Reference reference, IoType type, String mode) implements ResolvedInput {}

  /** An optional input nobody set: dropped from commands with its {@code $[[...]]} fragment. */
  record Absent(IoType type) implements ResolvedInput {}

  /** A pipeline component's input, whose value comes from whichever pipeline uses it. */
  record Unbound(String name, IoType type) implements ResolvedInput {}
}
