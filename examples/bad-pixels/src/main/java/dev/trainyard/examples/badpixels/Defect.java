package dev.trainyard.examples.badpixels;

import java.util.Locale;

/** What a pixel is: fine, or one of the four kinds of defect the simulator injects and the model finds. */
public enum Defect {
  /** A working pixel. */
  OK,
  /** Always reads about 0. */
  DEAD,
  /** Always reads about 255. */
  HOT,
  /** Reads a constant mid value whatever the scene. */
  STUCK,
  /** Toggles at random between its true value and a large offset. */
  FLICKER;

  /** The lower-case name used in files and metric names. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The defect named {@code label} (any case). */
  public static Defect of(String label) {
    return valueOf(label.trim().toUpperCase(Locale.ROOT));
  }
}
