package dev.trainyard.engine;

import dev.trainyard.store.StoredObject;
import java.util.Map;

/**
 * What a rerun holds fixed to a past run's record rather than taking from disk: each step's code
 * snapshot and each step's local-path inputs, as the stored objects the original run used. The
 * engine consults it where it would otherwise snapshot a code folder or store a local input, so a
 * rerun reproduces the original even after the code or data on disk changed (or is gone).
 *
 * <p>Inputs are pinned by step and input name, not by path: an input given with {@code --set}
 * resolves against the current directory, so the same recorded override may name another path
 * when rerun from elsewhere, while the step and input names are what the run recorded.
 */
public final class Pins {
  /** Nothing pinned: an ordinary run. */
  public static final Pins NONE = new Pins(Map.of(), Map.of());

  private final Map<String, StoredObject> code;
  private final Map<String, Map<String, StoredObject>> inputs;

  /**
   * @param code step name to its code snapshot (a tree)
   * @param inputs step name to input name to the artifact of that local-path input
   */
  public Pins(Map<String, StoredObject> code, Map<String, Map<String, StoredObject>> inputs) {
    this.code = Map.copyOf(code);
    this.inputs = Map.copyOf(inputs);
  }

  /** The pinned code snapshot of {@code step}, or null to snapshot its code folder as it is now. */
  public StoredObject code(String step) {
    return code.get(step);
  }

  /** The pinned artifact of a local-path input, or null to store the path as it is now. */
  public StoredObject input(String step, String input) {
    return inputs.getOrDefault(step, Map.of()).get(input);
  }

  public boolean isEmpty() {
    return code.isEmpty() && inputs.isEmpty();
  }

  /** How many code snapshots and inputs are pinned, for messages. */
  public int codeCount() {
    return code.size();
  }

  public int inputCount() {
    return inputs.values().stream().mapToInt(Map::size).sum();
  }
}
