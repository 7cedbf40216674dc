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
    int[] nb = new int[8];
    for (int y = 0; y < h; y++) {
      int ym = y > 0 ? y - 1 : Math.min(1, h - 1);
      int yp = y < h - 1 ? y + 1 : Math.max(h - 2, 0);
      for (int x = 0; x < w; x++) {
        int xm = x > 0 ? x - 1 : Math.min(1, w - 1);
        int xp = x < w - 1 ? x + 1 : Math.max(w - 2, 0);
        nb[0] = px[ym * w + xm];
        nb[1] = px[ym * w + x];
        nb[2] = px[ym * w + xp];
        nb[3] = px[y * w + xm];
        nb[4] = px[y * w + xp];
        nb[5] = px[yp * w + xm];
        nb[6] = px[yp * w + x];
        nb[7] = px[yp * w + xp];
        out[y * w + x] = px[y * w + x] - median8(nb);
      }
    }
    return out;
  }

  /** The median of 8 values (the mean of the middle two, rounded half up); reorders {@code v}. */
  static int median8(int[] v) {
    for (int i = 1; i < 8; i++) {
      int k = v[i];
      int j = i - 1;
      while (j >= 0 && v[j] > k) {
        v[j + 1] = v[j];
        j--;
      }
      v[j + 1] = k;
    }
    return (v[3] + v[4] + 1) >> 1;
  }
}
