package dev.trainyard.examples.badpixels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded simulator of one camera's raw 8-bit grey sensor video: a moving scene (a drifting
 * gradient and soft blobs that wander and bounce), a black level, a gain, Gaussian read noise, on
 * some cameras a static over-exposed region (a window, always 255) or a crushed shadow (always
 * about 0), and injected defects: dead, hot, stuck and flickering pixels. The same seed and camera
 * index give the same bytes on every machine.
 */
public final class SensorSimulator {
  /** Where the defects are: {@code map[y*width+x]}. */
  private final Defect[] map;
  private final Camera cam;
  private final int frames;
  private final long seed;

  /**
   * One camera's set-up, drawn from the seed.
   *
   * @param name e.g. {@code cam03}
   * @param width frame width
   * @param height frame height
   * @param noise read noise (grey levels, standard deviation)
   * @param gain scene gain
   * @param black black level
   * @param window the over-exposed rectangle {x0, y0, x1, y1} (exclusive ends), or null
   * @param shadow the crushed-black rectangle, or null
   */
  public record Camera(String name, int width, int height, double noise, double gain, int black, int[] window,
      int[] shadow) {
    /** One line of {@code cameras.csv}. */
    String csv(int frames, int defects) {
      return String.format(Locale.ROOT, "%s,%d,%d,%d,%.3f,%.3f,%d,%s,%s,%d", name, width, height, frames, noise, gain,
          black, rect(window), rect(shadow), defects);
    }

    private static String rect(int[] r) {
      return r == null ? "" : r[0] + " " + r[1] + " " + r[2] + " " + r[3];
    }
  }

  /** The header of {@code cameras.csv}. */
  public static final String CAMERAS_HEADER = "camera,width,height,frames,noise,gain,black,window,shadow,defects";

  private static final int NOISE_TABLE = 1 << 20;
  private static final double[] GAUSS = new double[NOISE_TABLE];

  static {
    SplittableRandom r = new SplittableRandom(0x5EED);
    for (int i = 0; i < NOISE_TABLE; i++) {
      GAUSS[i] = gaussian(r);
    }
  }

  /**
   * Sets up camera {@code index} of a run seeded with {@code seed}.
   *
   * @param defectRate the fraction of pixels that are defective
   */
  public SensorSimulator(long seed, int index, int width, int height, int frames, double defectRate) {
    this.seed = seed;
    this.frames = frames;
    SplittableRandom r = new SplittableRandom(mix(seed, index));
    int[] window = index % 2 == 1 ? rect(r, width, height) : null;
    int[] shadow = index % 4 >= 2 ? rect(r, width, height) : null;
    this.cam = new Camera(String.format(Locale.ROOT, "cam%02d", index), width, height, 1.2 + 2.8 * r.nextDouble(),
        0.7 + 0.5 * r.nextDouble(), shadow != null ? 0 : 6 + r.nextInt(15), window, shadow);
    this.map = new Defect[width * height];
    Arrays.fill(map, Defect.OK);
    int want = Math.max(4, (int) Math.round(defectRate * width * height));
    Defect[] kinds = {Defect.DEAD, Defect.HOT, Defect.STUCK, Defect.FLICKER};
    for (int placed = 0, tries = 0; placed < want && tries < want * 100; tries++) {
      int x = r.nextInt(width);
      int y = r.nextInt(height);
      if (free(x, y) && !inside(window, x, y, 1) && !inside(shadow, x, y, 1)) {
        // the first four cover every kind, the rest are drawn at random
        map[y * width + x] = placed < kinds.length ? kinds[placed] : kinds[r.nextInt(kinds.length)];
        placed++;
      }
    }
  }

  /** This camera's set-up. */
  public Camera camera() {
    return cam;
  }

  /** The defect at each pixel, row by row. */
  public Defect[] defects() {
    return map.clone();
  }

  /** Number of defective pixels. */
  public int defectCount() {
    return (int) Arrays.stream(map).filter(d -> d != Defect.OK).count();
  }

  /** Writes the video as YUV4MPEG2 {@code Cmono}, frame by frame (memory: a few frames). */
  public void writeVideo(Path file) throws IOException {
    int w = cam.width();
    int h = cam.height();
    SplittableRandom r = new SplittableRandom(mix(seed ^ 0x51DE0L, cam.name().hashCode()));
    Scene scene = new Scene(r, w, h);
    List<int[]> defects = new ArrayList<>(); // {index, kind, level, delta, switch-probability*1e6, state}
    for (int i = 0; i < map.length; i++) {
      if (map[i] != Defect.OK) {
        int level = switch (map[i]) {
          case STUCK -> 40 + r.nextInt(176);
          default -> 0;
        };
        int delta = map[i] == Defect.FLICKER ? (r.nextBoolean() ? 1 : -1) * (70 + r.nextInt(81)) : 0;
        int p = (int) ((0.08 + 0.27 * r.nextDouble()) * 1e6);
        defects.add(new int[] {i, map[i].ordinal(), level, delta, p, r.nextInt(2)});
      }
    }
    boolean[][] flickerOn = flickerStates(r, defects);
    double[] row = new double[w];
    byte[] frame = new byte[w * h];
    try (Y4m.Writer out = new Y4m.Writer(file, w, h, 25)) {
      for (int t = 0; t < frames; t++) {
        scene.advance(t);
        for (int y = 0; y < h; y++) {
          scene.row(y, row);
          int off = r.nextInt(NOISE_TABLE - w);
          for (int x = 0; x < w; x++) {
            double v;
            if (inside(cam.window(), x, y, 0)) {
              v = 255;
            } else if (inside(cam.shadow(), x, y, 0)) {
              v = cam.black() + cam.noise() * GAUSS[off + x];
            } else {
              v = cam.black() + cam.gain() * row[x] + cam.noise() * GAUSS[off + x];
            }
            frame[y * w + x] = clip(v);
          }
        }
        for (int k = 0; k < defects.size(); k++) {
          int[] d = defects.get(k);
          int i = d[0];
          double n = GAUSS[r.nextInt(NOISE_TABLE)];
          frame[i] = switch (Defect.values()[d[1]]) {
            case DEAD -> clip(Math.abs(n));
            case HOT -> clip(255 - Math.abs(1.5 * n));
            case STUCK -> clip(d[2] + (Math.abs(n) > 1.8 ? Math.signum(n) : 0));
            case FLICKER -> flickerOn[k][t] ? clip((frame[i] & 0xff) + d[3]) : frame[i];
            default -> frame[i];
          };
        }
        out.write(frame);
      }
    }
  }

  /** Each flickering pixel's on/off sequence: a two-state Markov chain with at least 3 frames in each state. */
  private boolean[][] flickerStates(SplittableRandom r, List<int[]> defects) {
    boolean[][] on = new boolean[defects.size()][];
    for (int k = 0; k < defects.size(); k++) {
      int[] d = defects.get(k);
      if (Defect.values()[d[1]] != Defect.FLICKER) {
        continue;
      }
      boolean[] s = new boolean[frames];
      int ons;
      do {
        boolean state = d[5] == 1;
        ons = 0;
        for (int t = 0; t < frames; t++) {
          if (r.nextInt(1_000_000) < d[4]) {
            state = !state;
          }
          s[t] = state;
          ons += state ? 1 : 0;
        }
      } while (frames >= 8 && (ons < 3 || frames - ons < 3));
      on[k] = s;
    }
    return on;
  }

  /** Writes the ground truth: {@code x,y,class} for every defective pixel, row by row. */
  public void writeTruth(Path file) throws IOException {
    StringBuilder sb = new StringBuilder("x,y,class\n");
    for (int i = 0; i < map.length; i++) {
      if (map[i] != Defect.OK) {
        sb.append(i % cam.width()).append(',').append(i / cam.width()).append(',').append(map[i].label()).append('\n');
      }
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }

  /** Frames per video. */
  public int frames() {
    return frames;
  }

  private boolean free(int x, int y) {
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int xx = x + dx;
        int yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < cam.width() && yy < cam.height() && map[yy * cam.width() + xx] != Defect.OK) {
          return false;
        }
      }
    }
    return true;
  }

  private static int[] rect(SplittableRandom r, int w, int h) {
    int rw = Math.max(3, w / 8 + r.nextInt(Math.max(1, w / 8)));
    int rh = Math.max(3, h / 8 + r.nextInt(Math.max(1, h / 8)));
    int x0 = r.nextInt(w - rw);
    int y0 = r.nextInt(h - rh);
    return new int[] {x0, y0, x0 + rw, y0 + rh};
  }

  static boolean inside(int[] rect, int x, int y, int margin) {
    return rect != null && x >= rect[0] - margin && x < rect[2] + margin && y >= rect[1] - margin
        && y < rect[3] + margin;
  }

  private static byte clip(double v) {
    long q = Math.round(v);
    return (byte) (q < 0 ? 0 : q > 255 ? 255 : q);
  }

  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static double gaussian(SplittableRandom r) {
    double u = r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  /** The moving scene, rendered row by row with separable terms so full-HD frames stay cheap. */
  private static final class Scene {
    private final int w;
    private final int h;
    private final double base;
    private final double amp;
    private final double kx;
    private final double ky;
    private final double omega;
    private final double[][] blobs; // {x, y, vx, vy, radius, amplitude}
    private final double[] sx;
    private final double[] cx;
    private final double[] sy;
    private final double[] cy;
    private final double[][] gx;
    private final double[][] gy;

    Scene(SplittableRandom r, int w, int h) {
      this.w = w;
      this.h = h;
      base = 70 + 50 * r.nextDouble();
      amp = 15 + 35 * r.nextDouble();
      double angle = 2 * Math.PI * r.nextDouble();
      double wavelength = (0.5 + r.nextDouble()) * Math.max(w, h);
      kx = 2 * Math.PI * Math.cos(angle) / wavelength;
      ky = 2 * Math.PI * Math.sin(angle) / wavelength;
      omega = 0.03 + 0.1 * r.nextDouble();
      blobs = new double[3 + r.nextInt(4)][];
      double scale = w / 64.0;
      for (int b = 0; b < blobs.length; b++) {
        double speed = (0.3 + 1.2 * r.nextDouble()) * scale;
        double dir = 2 * Math.PI * r.nextDouble();
        blobs[b] = new double[] {w * r.nextDouble(), h * r.nextDouble(), speed * Math.cos(dir), speed * Math.sin(dir),
            (w / 16.0) + (w / 8.0) * r.nextDouble(), (r.nextBoolean() ? 1 : -1) * (30 + 80 * r.nextDouble())};
      }
      sx = new double[w];
      cx = new double[w];
      sy = new double[h];
      cy = new double[h];
      gx = new double[blobs.length][w];
      gy = new double[blobs.length][h];
      for (int y = 0; y < h; y++) {
        sy[y] = Math.sin(ky * y);
        cy[y] = Math.cos(ky * y);
      }
    }

    /** Moves to frame {@code t}: the gradient's phase and each blob's position. */
    void advance(int t) {
      double phase = omega * t;
      for (int x = 0; x < w; x++) {
        sx[x] = Math.sin(kx * x + phase);
        cx[x] = Math.cos(kx * x + phase);
      }
      for (int b = 0; b < blobs.length; b++) {
        double[] p = blobs[b];
        if (t > 0) {
          p[0] += p[2];
          p[1] += p[3];
          if (p[0] < 0 || p[0] >= w) {
            p[2] = -p[2];
            p[0] = Math.max(0, Math.min(w - 1, p[0]));
          }
          if (p[1] < 0 || p[1] >= h) {
            p[3] = -p[3];
            p[1] = Math.max(0, Math.min(h - 1, p[1]));
          }
        }
        double s2 = 2 * p[4] * p[4];
        for (int x = 0; x < w; x++) {
          gx[b][x] = Math.exp(-(x - p[0]) * (x - p[0]) / s2);
        }
        for (int y = 0; y < h; y++) {
          gy[b][y] = p[5] * Math.exp(-(y - p[1]) * (y - p[1]) / s2);
        }
      }
    }

    /** The scene's values along row {@code y} of the current frame. */
    void row(int y, double[] out) {
      double a = amp * cy[y];
      double c = amp * sy[y];
      for (int x = 0; x < w; x++) {
        out[x] = base + a * sx[x] + c * cx[x];
      }
      for (int b = 0; b < blobs.length; b++) {
        double g = gy[b][y];
        if (Math.abs(g) > 1e-3) {
          double[] gxb = gx[b];
          for (int x = 0; x < w; x++) {
            out[x] += g * gxb[x];
          }
        }
      }
    }
  }
}
