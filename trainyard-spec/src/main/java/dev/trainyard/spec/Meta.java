package dev.trainyard.spec;

import java.util.Map;

/**
 * Descriptive fields shared by pipelines, components and assets. {@code version} is always text:
 * files write {@code version: 1} and {@code version: "0.0.1"} alike.
 */
public record Meta(
    String name, String version, String displayName, String description, Map<String, String> tags,
    SourceSpan at) {
  public Meta {
    tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
  }

  public static Meta anonymous(SourceSpan at) {
    return new Meta(null, null, null, null, Map.of(), at);
  }

  /** {@code name:version}, or the name alone. */
  public String id() {
    return name == null ? "(anonymous)" : version == null ? name : name + ":" + version;
  }
}
