package dev.trainyard.examples.badpixels;

import java.util.Arrays;
import java.util.List;

/**
 * Per-pixel temporal statistics of one camera, accumulated frame by frame (memory: a few arrays
 * of the frame's size, whatever the number of frames), then turned into {@link #NAMES features}.
 * Each frame comes as raw values {@code v} and residuals {@code r = v - m}, {@code m} being the
 * median of the pixel's 8 neighbours; so the neighbours' behaviour is known too.
 *
 * <p>Features compare a pixel with its neighbours and scale by the camera's own noise, so that a
 * model trained on some cameras carries over to cameras with other noise, exposure and scenes.
 */
public final class PixelStats {
  /** The features, in order. */
  public static final List<String> NAMES = List.of(
      "mean", // mean value / 255
      "min", // lowest value / 255
      "max", // highest value / 255
      "std", // temporal standard deviation / camera noise
      "res_mean", // mean residual (pixel minus neighbour median) / camera noise
      "res_std", // standard deviation of the residual / camera noise
      "res_abs", // mean absolute residual / camera noise
      "outlier_rate", // fraction of frames with |residual| > JUMP
      "jump_rate", // fraction of frame-to-frame changes > JUMP
      "activity", // rms frame-to-frame change / (the neighbours' + 0.5)
      "corr", // correlation of the pixel's frame-to-frame changes with its neighbours'
      "std_ratio", // temporal standard deviation / (the neighbours' + 0.5)
      "low_rate", // fraction of frames at <= 3
      "high_rate", // fraction of frames at >= 252
      "nb_mean_gap", // smallest difference to a neighbour's mean value / 255
      "nb_std_gap", // smallest difference to a neighbour's standard deviation / camera noise
      "nb_similar"); // fraction of neighbours whose mean value is within SIMILAR grey levels

  /** Neighbours whose mean values differ by less than this (grey levels) are alike. */
  public static final double SIMILAR = 8;

  /** A change this large (grey levels) is a jump, not noise. */
  public static final int JUMP = 35;

  private final int w;
  private final int h;
  private final int n;
  private int frames;
  private final double[] sv;
  private final double[] svv;
  private final int[] min;
  private final int[] max;
  private final double[] sr;
  private final double[] srr;
  private final double[] sabs;
  private final int[] outliers;
  private final int[] jumps;
  private final int[] low;
  private final int[] high;
  private final double[] sdv2;
  private final double[] sdm2;
  private final double[] sdvdm;
  private final double[] sm;
  private final double[] smm;
  private final int[] prevV;
  private final int[] prevM;

  /** Statistics for a {@code width x height} camera. */
  public PixelStats(int width, int height) {
    this.w = width;
    this.h = height;
    this.n = width * height;
    sv = new double[n];
    svv = new double[n];
    min = new int[n];
    max = new int[n];
    Arrays.fill(min, Integer.MAX_VALUE);
    Arrays.fill(max, Integer.MIN_VALUE);
    sr = new double[n];
    srr = new double[n];
    sabs = new double[n];
    outliers = new int[n];
    jumps = new int[n];
    low = new int[n];
    high = new int[n];
    sdv2 = new double[n];
    sdm2 = new double[n];
    sdvdm = new double[n];
    sm = new double[n];
    smm = new double[n];
    prevV = new int[n];
    prevM = new int[n];
  }

  /** Adds one frame: raw values and residuals, row by row. */
  public void add(int[] v, int[] r) {
    if (v.length != n || r.length != n) {
      throw new IllegalArgumentException("frame of " + v.length + "/" + r.length + " pixels; " + n + " expected");
    }
    for (int i = 0; i < n; i++) {
      int vi = v[i];
      int ri = r[i];
      int mi = vi - ri;
      sv[i] += vi;
      svv[i] += (double) vi * vi;
      min[i] = Math.min(min[i], vi);
      max[i] = Math.max(max[i], vi);
      sr[i] += ri;
      srr[i] += (double) ri * ri;
      sabs[i] += Math.abs(ri);
      sm[i] += mi;
      smm[i] += (double) mi * mi;
      if (Math.abs(ri) > JUMP) {
        outliers[i]++;
      }
      if (vi <= 3) {
        low[i]++;
      }
      if (vi >= 252) {
        high[i]++;
      }
      if (frames > 0) {
        int dv = vi - prevV[i];
        int dm = mi - prevM[i];
        sdv2[i] += (double) dv * dv;
        sdm2[i] += (double) dm * dm;
        sdvdm[i] += (double) dv * dm;
        if (Math.abs(dv) > JUMP) {
          jumps[i]++;
        }
      }
      prevV[i] = vi;
      prevM[i] = mi;
    }
    frames++;
  }

  /** Frames added so far. */
  public int frames() {
    return frames;
  }

  /**
   * The camera's noise: the median over pixels of the residual's temporal standard deviation
   * (the scene is smooth, so for a working pixel that is mostly sensor noise); at least 0.5.
   */
  public double noise() {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = std(sr[i], srr[i], frames);
    }
    Arrays.sort(s);
    return Math.max(0.5, s[n / 2]);
  }

  /** The features of every pixel: {@code [pixel][feature]}, pixels row by row. */
  public float[][] features() {
    if (frames < 2) {
      throw new IllegalStateException("features need at least 2 frames, got " + frames);
    }
    double noise = noise();
    float[][] f = new float[n][NAMES.size()];
    int steps = frames - 1;
    double[] means = new double[n];
    double[] stds = new double[n];
    for (int i = 0; i < n; i++) {
      means[i] = sv[i] / frames;
      stds[i] = std(sv[i], svv[i], frames);
    }
    for (int i = 0; i < n; i++) {
      double std = stds[i];
      double stdM = std(sm[i], smm[i], frames);
      double rmsDv = Math.sqrt(sdv2[i] / steps);
      double rmsDm = Math.sqrt(sdm2[i] / steps);
      double corr = sdv2[i] > 0 && sdm2[i] > 0 ? sdvdm[i] / Math.sqrt(sdv2[i] * sdm2[i]) : 0;
      float[] p = f[i];
      p[0] = (float) (sv[i] / frames / 255);
      p[1] = min[i] / 255f;
      p[2] = max[i] / 255f;
      p[3] = (float) (std / noise);
      p[4] = (float) (sr[i] / frames / noise);
      p[5] = (float) (std(sr[i], srr[i], frames) / noise);
      p[6] = (float) (sabs[i] / frames / noise);
      p[7] = (float) outliers[i] / frames;
      p[8] = (float) jumps[i] / steps;
      p[9] = (float) (rmsDv / (rmsDm + 0.5));
      p[10] = (float) corr;
      p[11] = (float) (std / (stdM + 0.5));
      p[12] = (float) low[i] / frames;
      p[13] = (float) high[i] / frames;
      double meanGap = Double.MAX_VALUE;
      double stdGap = Double.MAX_VALUE;
      int x = i % w;
      int y = i / w;
      int neighbours = 0;
      int similar = 0;
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          int xx = x + dx;
          int yy = y + dy;
          if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < w && yy < h) {
            double gap = Math.abs(means[yy * w + xx] - means[i]);
            meanGap = Math.min(meanGap, gap);
            neighbours++;
            similar += gap < SIMILAR ? 1 : 0;
            stdGap = Math.min(stdGap, Math.abs(stds[yy * w + xx] - std));
          }
        }
      }
      p[14] = (float) (meanGap == Double.MAX_VALUE ? 0 : meanGap / 255);
      p[15] = (float) (stdGap == Double.MAX_VALUE ? 0 : stdGap / noise);
      p[16] = neighbours == 0 ? 0 : (float) similar / neighbours;
    }
    return f;
  }

  /** Width of the frames. */
  public int width() {
    return w;
  }

  /** Height of the frames. */
  public int height() {
    return h;
  }

  private static double std(double s, double ss, int count) {
    double mean = s / count;
    return Math.sqrt(Math.max(0, ss / count - mean * mean));
  }
}
