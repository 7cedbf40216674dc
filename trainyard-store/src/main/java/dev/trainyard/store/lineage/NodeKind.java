package dev.trainyard.store.lineage;

import java.util.Locale;

/** What a lineage node stands for. */
public enum NodeKind {
  /** A pipeline run. */
  RUN,
  /** One step of one run. */
  STEP,
  /** Stored content (a file or a folder) recorded as an artifact. */
  ARTIFACT,
  /** File content known only as part of folders (or only by hashing a local file). */
  FILE,
  /** A step's code snapshot (the folder its {@code code:} names), by hash. */
  CODE,
  /** A registered data asset version. */
  DATA,
  /** A registered model version. */
  MODEL,
  /** A registered component version. */
  COMPONENT;

  /** The lowercase name used in JSON and DOT output. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
