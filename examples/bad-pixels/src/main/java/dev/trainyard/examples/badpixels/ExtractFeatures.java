package dev.trainyard.examples.badpixels;

import dev.trainyard.sdk.ParallelTask;
import dev.trainyard.sdk.TaskContext;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Stage 3, parallel over cameras: reads a camera's frames ({@code --frames DIR}) and residuals
 * ({@code --residuals DIR}) in order, accumulates {@link PixelStats} and writes {@code
 * --features DIR/camNN.features}. The mini-batch holds the camera descriptions written by {@link
 * SplitFrames}. Rows: {@code camera,pixels,frames,noise}.
 */
public final class ExtractFeatures implements ParallelTask {
  /** Creates the task. */
  public ExtractFeatures() {}

  @Override
  public List<String> run(List<Path> miniBatch, TaskContext ctx) throws IOException {
    Path frames = Args.path(ctx, "--frames");
    Path residuals = Args.path(ctx, "--residuals");
    Path out = Files.createDirectories(Args.path(ctx, "--features"));
    List<String> rows = new ArrayList<>();
    for (Path desc : miniBatch) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(desc, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      String cam = p.getProperty("camera");
      if (cam == null) {
        throw new BadInputException(desc, "not a camera description (no camera=)");
      }
      int expected = Integer.parseInt(p.getProperty("frames", "-1"));
      FeatureFile f = extract(cam, frames.resolve(cam), residuals.resolve(cam), expected);
      f.write(out.resolve(cam + ".features"));
      rows.add(String.format(Locale.ROOT, "%s,%d,%d,%.3f", cam, f.values().length, f.frames(), f.noise()));
      System.out.printf(Locale.ROOT, "%s: %d pixels over %d frames, noise %.2f%n", cam, f.values().length, f.frames(),
          f.noise());
    }
    return rows;
  }

  /** Features of one camera from its frame and residual folders. */
  public static FeatureFile extract(String cam, Path frameDir, Path residualDir, int expectedFrames)
      throws IOException {
    List<Path> fs = pgms(frameDir);
    List<Path> rs = pgms(residualDir);
    if (fs.size() != rs.size() || (expectedFrames >= 0 && fs.size() != expectedFrames)) {
      throw new BadInputException(frameDir, fs.size() + " frames and " + rs.size() + " residuals in " + residualDir
          + "; " + expectedFrames + " expected");
    }
    if (fs.size() < 2) {
      throw new BadInputException(frameDir, "features need at least 2 frames, found " + fs.size());
    }
    PixelStats stats = null;
    for (int t = 0; t < fs.size(); t++) {
      Pgm.Image v = Pgm.read(fs.get(t));
      Pgm.Image r = Pgm.read(rs.get(t));
      if (v.width() != r.width() || v.height() != r.height()) {
        throw new BadInputException(rs.get(t), "size " + r.width() + "x" + r.height() + " differs from its frame's");
      }
      if (stats == null) {
        stats = new PixelStats(v.width(), v.height());
      } else if (v.width() != stats.width() || v.height() != stats.height()) {
        throw new BadInputException(fs.get(t), "frame size changed within the video");
      }
      int[] res = r.pixels();
      for (int i = 0; i < res.length; i++) {
        res[i] -= Preprocess.OFFSET;
      }
      stats.add(v.pixels(), res);
    }
    return new FeatureFile(cam, stats.width(), stats.height(), stats.frames(), stats.noise(), PixelStats.NAMES,
        stats.features());
  }

  private static List<Path> pgms(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(dir, "no such folder");
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".pgm")).sorted().toList();
    }
  }
}
