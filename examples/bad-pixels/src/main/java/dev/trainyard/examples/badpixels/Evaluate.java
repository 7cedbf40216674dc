package dev.trainyard.examples.badpixels;

import dev.trainyard.sdk.ParallelTask;
import dev.trainyard.sdk.TaskContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stage 5: classifies every pixel of the held-out cameras with the model and with the {@link
 * Baseline} rules, and scores both against the ground truth. Arguments: {@code --model DIR},
 * {@code --features DIR}, {@code --truth DIR}, {@code --test_cameras N}, {@code --report DIR}
 * (writes {@code report.md}, {@code metrics.json} and {@code predictions/camNN.csv}). Logs the
 * model's scores ({@code f1}, {@code precision}, {@code recall}, {@code macro_f1}, {@code
 * f1_dead}, ...) and the baseline's ({@code baseline_f1}, ...).
 */
public final class Evaluate implements ParallelTask {
  /** Creates the task. */
  public Evaluate() {}

  @Override
  public List<String> run(List<Path> miniBatch, TaskContext ctx) throws IOException {
    CameraSplit split = CameraSplit.of(Args.path(ctx, "--features"), Args.integer(ctx, "--test_cameras", 2));
    Path truthDir = Args.path(ctx, "--truth");
    DefectModel model = DefectModel.load(Args.path(ctx, "--model").resolve("model.tribuo"));
    Path out = Files.createDirectories(Args.path(ctx, "--report"));
    Path preds = Files.createDirectories(out.resolve("predictions"));
    Scores scores = new Scores();
    Scores baseline = new Scores();
    long pixels = 0;
    for (Path p : split.test()) {
      FeatureFile f = Train.load(p);
      Defect[] truth = Truth.read(truthDir.resolve(f.camera() + ".csv"), f.width(), f.height());
      Defect[] got = model.predict(f);
      StringBuilder csv = new StringBuilder("x,y,truth,model,baseline\n");
      for (int i = 0; i < truth.length; i++) {
        Defect b = Baseline.classify(f, i);
        scores.add(truth[i], got[i]);
        baseline.add(truth[i], b);
        if (truth[i] != Defect.OK || got[i] != Defect.OK || b != Defect.OK) {
          csv.append(i % f.width()).append(',').append(i / f.width()).append(',').append(truth[i].label()).append(',')
              .append(got[i].label()).append(',').append(b.label()).append('\n');
        }
      }
      pixels += truth.length;
      Files.writeString(preds.resolve(f.camera() + ".csv"), csv, StandardCharsets.UTF_8);
    }
    Map<String, Double> metrics = scores.metrics("");
    metrics.putAll(baseline.metrics("baseline_"));
    writeReport(out, split, pixels, scores, baseline, metrics);
    metrics.forEach(Metrics::log);
    return List.of();
  }

  private static void writeReport(Path out, CameraSplit split, long pixels, Scores model, Scores baseline,
      Map<String, Double> metrics) throws IOException {
    List<String> cams = split.test().stream().map(CameraSplit::camera).toList();
    String md = "# Bad-pixel detection on held-out cameras\n\n"
        + "Cameras " + String.join(", ", cams) + " (" + pixels + " pixels), never seen in training (trained on "
        + String.join(", ", split.train().stream().map(CameraSplit::camera).toList()) + ").\n"
        + String.format(Locale.ROOT, "%nModel F1 **%.4f** (precision %.4f, recall %.4f); fixed-threshold baseline F1 "
            + "%.4f (precision %.4f, recall %.4f).%n", model.f1(), model.precision(), model.recall(), baseline.f1(),
            baseline.precision(), baseline.recall())
        + "\nF1 is micro-averaged over the four defect classes: a defect counts as found only with its right "
        + "class; fine pixels called fine are not counted.\n"
        + "\n## Model (Tribuo random forest)\n\n" + model.classTable() + "\nConfusion matrix:\n\n" + model.table()
        + "\n## Baseline (fixed thresholds)\n\n" + baseline.classTable() + "\nConfusion matrix:\n\n"
        + baseline.table();
    Files.writeString(out.resolve("report.md"), md, StandardCharsets.UTF_8);
    StringBuilder json = new StringBuilder("{");
    metrics.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
        .append(String.format(Locale.ROOT, "%.6f", v)));
    json.append(", \"test_cameras\": ").append(Train.json(cams)).append(", \"test_pixels\": ").append(pixels)
        .append("}\n");
    Files.writeString(out.resolve("metrics.json"), json, StandardCharsets.UTF_8);
    System.out.print(md);
  }
}
