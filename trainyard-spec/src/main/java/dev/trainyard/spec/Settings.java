package dev.trainyard.spec;

import java.util.Map;

/** A pipeline's {@code settings:}; unknown keys are kept (and warned about) in {@code other}. */
public record Settings(
    String defaultCompute, String defaultDatastore, boolean continueOnStepFailure, boolean forceRerun,
    Map<String, String> other) {
  public static final Settings DEFAULT = new Settings(null, null, false, false, Map.of());

  public Settings {
    other = other == null ? Map.of() : Map.copyOf(other);
  }
}
