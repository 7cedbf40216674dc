package dev.trainyard.examples.badpixels;

import dev.trainyard.sdk.ParallelTask;
import dev.trainyard.sdk.TaskContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stage 4: trains the {@link DefectModel} on the training cameras. Arguments: {@code --features
 * DIR}, {@code --truth DIR}, {@code --test_cameras N} (held out, not read here), {@code --seed N},
 * {@code --trees N}, {@code --max_depth N}, {@code --ok_per_defect N} (fine pixels sampled per defective one),
 * {@code --model DIR} (writes {@code model.tribuo} and {@code training.json}).
 */
public final class Train implements ParallelTask {
  private static final Logger QUIET = Logger.getLogger("org.tribuo");

  /** Creates the task. */
  public Train() {}

  @Override
  public List<String> run(List<Path> miniBatch, TaskContext ctx) throws IOException {
    long t0 = System.nanoTime();
    QUIET.setLevel(Level.WARNING); // Tribuo logs a line per tree at INFO
    CameraSplit split = CameraSplit.of(Args.path(ctx, "--features"), Args.integer(ctx, "--test_cameras", 2));
    Path truthDir = Args.path(ctx, "--truth");
    DefectModel.Settings s = new DefectModel.Settings(Args.integer(ctx, "--trees", 20),
        Args.integer(ctx, "--max_depth", 12), Args.integer(ctx, "--ok_per_defect", 6),
        Long.parseLong(ctx.arg("--seed", "42")));
    List<FeatureFile> cams = new ArrayList<>();
    List<Defect[]> truths = new ArrayList<>();
    long defects = 0;
    long pixels = 0;
    for (Path p : split.train()) {
      FeatureFile f = load(p);
      Defect[] t = Truth.read(truthDir.resolve(f.camera() + ".csv"), f.width(), f.height());
      cams.add(f);
      truths.add(t);
      pixels += t.length;
      for (Defect d : t) {
        defects += d == Defect.OK ? 0 : 1;
      }
    }
    DefectModel model = DefectModel.train(cams, truths, s);
    Path out = Files.createDirectories(Args.path(ctx, "--model"));
    model.save(out.resolve("model.tribuo"));
    double secs = (System.nanoTime() - t0) / 1e9;
    List<String> names = cams.stream().map(FeatureFile::camera).toList();
    Files.writeString(out.resolve("training.json"), String.format(Locale.ROOT,
        "{\"cameras\": %s, \"held_out\": %s, \"pixels\": %d, \"defects\": %d, \"trees\": %d, \"max_depth\": %d,"
            + " \"ok_per_defect\": %d, \"seed\": %d, \"features\": %s, \"seconds\": %.2f}%n",
        json(names), json(split.test().stream().map(CameraSplit::camera).toList()), pixels, defects, s.trees(),
        s.maxDepth(), s.okPerDefect(), s.seed(), json(PixelStats.NAMES), secs), StandardCharsets.UTF_8);
    System.out.printf(Locale.ROOT, "trained a %d-tree forest on %s (%d examples: %d defects, %d fine pixels"
        + " of %d) in %.1f s%n", s.trees(), names, model.trainingExamples(), defects,
        model.trainingExamples() - defects, pixels - defects, secs);
    Metrics.log("train_cameras", names.size());
    Metrics.log("train_defects", defects);
    Metrics.log("train_examples", model.trainingExamples());
    Metrics.log("train_seconds", secs);
    return List.of();
  }

  /** Reads a feature file and checks it has this version's features. */
  static FeatureFile load(Path p) throws IOException {
    FeatureFile f = FeatureFile.read(p);
    if (!f.names().equals(PixelStats.NAMES)) {
      throw new BadInputException(p, "features " + f.names() + " differ from this model's " + PixelStats.NAMES);
    }
    return f;
  }

  static String json(List<String> xs) {
    StringBuilder sb = new StringBuilder("[");
    for (String x : xs) {
      sb.append(sb.length() > 1 ? ", " : "").append('"').append(x.replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    return sb.append(']').toString();
  }
}
