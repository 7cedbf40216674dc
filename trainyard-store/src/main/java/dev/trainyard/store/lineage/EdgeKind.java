package dev.trainyard.store.lineage;

import java.util.Locale;

/** How two lineage nodes are related; edges point the way data flows. */
public enum EdgeKind {
  /** Content → the step run that consumed it (label: the input's name). */
  INPUT,
  /** Step run → the content it produced (label: the output's name). */
  OUTPUT,
  /** File content → a folder or code snapshot holding it (label: its path there). */
  PART_OF,
  /** Code snapshot → a step run that ran it. */
  CODE,
  /** Content → a data asset, model or component version registered with it. */
  REGISTERED,
  /** Run → one of its step runs. */
  STEP;

  /** The lowercase name used in JSON and DOT output. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
