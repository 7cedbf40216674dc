package dev.trainyard.examples.badpixels;

/**
 * The fixed-threshold rules a sensor test bench might start with, on each pixel's own statistics
 * (no neighbours, no learning): dark and steady is dead, bright and steady is hot, steady at
 * another level is stuck, jumping often is flickering. The model has to beat it.
 */
public final class Baseline {
  /** Mean at or below this (grey levels), with a low deviation: dead. */
  public static final double DEAD_MEAN = 6;
  /** Mean at or above this, with a low deviation: hot. */
  public static final double HOT_MEAN = 248;
  /** A temporal standard deviation below this (grey levels): steady. */
  public static final double STEADY_STD = 1.0;
  /** A dead or hot pixel may deviate up to this. */
  public static final double EXTREME_STD = 2.5;
  /** At least this fraction of frame-to-frame jumps: flickering. */
  public static final double FLICKER_JUMPS = 0.05;

  private Baseline() {}

  /** The rules' verdict on pixel {@code i} of a camera. */
  public static Defect classify(FeatureFile f, int i) {
    double mean = f.get(i, "mean") * 255;
    double std = f.get(i, "std") * f.noise();
    if (mean <= DEAD_MEAN && std < EXTREME_STD) {
      return Defect.DEAD;
    }
    if (mean >= HOT_MEAN && std < EXTREME_STD) {
      return Defect.HOT;
    }
    if (std < STEADY_STD) {
      return Defect.STUCK;
    }
    if (f.get(i, "jump_rate") >= FLICKER_JUMPS) {
      return Defect.FLICKER;
    }
    return Defect.OK;
  }
}
