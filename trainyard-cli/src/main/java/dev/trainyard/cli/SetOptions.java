package dev.trainyard.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --set inputs.NAME=VALUE} options. */
final class SetOptions {
  private SetOptions() {}

  /** The overrides, or null after printing why one is malformed. */
  static Map<String, String> parse(List<String> sets) {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String s : sets) {
      int eq = s.indexOf('=');
      if (!s.startsWith("inputs.") || eq < 0 || eq == "inputs.".length()) {
        System.err.println("trainyard: --set '" + s + "': expected inputs.NAME=VALUE");
        return null;
      }
      overrides.put(s.substring("inputs.".length(), eq), s.substring(eq + 1));
    }
    return overrides;
  }
}
