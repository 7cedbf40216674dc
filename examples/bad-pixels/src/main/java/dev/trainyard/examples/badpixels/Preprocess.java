package dev.trainyard.examples.badpixels;

import dev.trainyard.sdk.ParallelTask;
import dev.trainyard.sdk.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stage 2, parallel over frames: removes the scene from each frame by subtracting, at every
 * pixel, the median of its 8 neighbours. What is left (the residual) is sensor noise plus whatever
 * a single pixel does on its own: exactly what a defect looks like. Writes {@code --residuals
 * DIR/camNN/000000.pgm} as 16-bit PGM holding {@code residual + 256} (0..511). Rows: {@code
 * camera,frame,mean,mean_abs_residual}.
 */
public final class Preprocess implements ParallelTask {
  /** Added to residuals so they store as unsigned samples. */
  public static final int OFFSET = 256;

  /** Creates the task. */
  public Preprocess() {}

  @Override
  public List<String> run(List<Path> miniBatch, TaskContext ctx) throws IOException {
    Path out = Files.createDirectories(Args.path(ctx, "--residuals"));
    List<String> rows = new ArrayList<>();
    for (Path f : miniBatch) {
      String cam = f.getParent().getFileName().toString();
      Pgm.Image img = Pgm.read(f);
      if (img.maxval() > 255) {
        throw new BadInputException(f, "expected an 8-bit frame, found maxval " + img.maxval());
      }
      int[] res = residual(img.pixels(), img.width(), img.height());
      double sum = 0;
      double abs = 0;
      for (int i = 0; i < res.length; i++) {
        sum += img.pixels()[i];
        abs += Math.abs(res[i]);
        res[i] += OFFSET;
      }
      Path dir = Files.createDirectories(out.resolve(cam));
      Pgm.write16(dir.resolve(f.getFileName().toString()), img.width(), img.height(), 2 * OFFSET - 1, res);
      int n = res.length;
      rows.add(String.format(Locale.ROOT, "%s,%s,%.3f,%.4f", cam, f.getFileName().toString().replace(".pgm", ""),
          sum / n, abs / n));
    }
    return rows;
  }

  /** Each pixel minus the median of its 8 neighbours (edges mirrored), rounded. */
  public static int[] residual(int[] px, int w, int h) {
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      int up = (y > 0 ? y - 1 : Math.min(1, h - 1)) * w;
      int row = y * w;
      int down = (y < h - 1 ? y + 1 : Math.max(h - 2, 0)) * w;
      for (int x = 0; x < w; x++) {
        int xm = x > 0 ? x - 1 : Math.min(1, w - 1);
        int xp = x < w - 1 ? x + 1 : Math.max(w - 2, 0);
        out[row + x] = px[row + x] - median8(px[up + xm], px[up + x], px[up + xp], px[row + xm], px[row + xp],
            px[down + xm], px[down + x], px[down + xp]);
      }
    }
    return out;
  }

  /** The median of 8 values: the mean of the middle two, rounded half up. */
  static int median8(int[] v) {
    return median8(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
  }

  /** The median of 8 values by a 19-comparator sorting network (min/max pairs, no branches). */
  static int median8(int a0, int a1, int a2, int a3, int a4, int a5, int a6, int a7) {
    int t;
    // Batcher's odd-even merge sort for 8 inputs
    t = Math.min(a0, a1); a1 = Math.max(a0, a1); a0 = t;
    t = Math.min(a2, a3); a3 = Math.max(a2, a3); a2 = t;
    t = Math.min(a4, a5); a5 = Math.max(a4, a5); a4 = t;
    t = Math.min(a6, a7); a7 = Math.max(a6, a7); a6 = t;
    t = Math.min(a0, a2); a2 = Math.max(a0, a2); a0 = t;
    t = Math.min(a1, a3); a3 = Math.max(a1, a3); a1 = t;
    t = Math.min(a4, a6); a6 = Math.max(a4, a6); a4 = t;
    t = Math.min(a5, a7); a7 = Math.max(a5, a7); a5 = t;
    t = Math.min(a1, a2); a2 = Math.max(a1, a2); a1 = t;
    t = Math.min(a5, a6); a6 = Math.max(a5, a6); a5 = t;
    t = Math.min(a0, a4); a4 = Math.max(a0, a4); a0 = t;
    t = Math.min(a1, a5); a5 = Math.max(a1, a5); a1 = t;
    t = Math.min(a2, a6); a6 = Math.max(a2, a6); a2 = t;
    t = Math.min(a3, a7); a7 = Math.max(a3, a7); a3 = t;
    t = Math.min(a2, a4); a4 = Math.max(a2, a4); a2 = t;
    t = Math.min(a3, a5); a5 = Math.max(a3, a5); a3 = t;
    t = Math.min(a1, a2); a2 = Math.max(a1, a2); a1 = t;
    t = Math.min(a3, a4); a4 = Math.max(a3, a4); a3 = t;
    t = Math.min(a5, a6); a6 = Math.max(a5, a6); a5 = t;
    return (a3 + a4 + 1) >> 1;
  }
}
