package dev.trainyard.examples.badpixels;

import dev.trainyard.sdk.ParallelTask;
import dev.trainyard.sdk.TaskContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 6: packages the model with its scores as the pipeline's {@code custom_model} output.
 * Arguments: {@code --model DIR} (from {@link Train}), {@code --report DIR} (from {@link
 * Evaluate}), {@code --out DIR}. Writes {@code model.tribuo}, {@code training.json}, {@code
 * metrics.json}, {@code report.md} and a {@code MODEL.md} card, and logs the headline scores so a
 * run ends with them.
 */
public final class Register implements ParallelTask {
  /** The scores logged again here, in this order. */
  static final List<String> HEADLINE = List.of("f1_dead", "f1_hot", "f1_stuck", "f1_flicker", "baseline_precision",
      "baseline_recall", "baseline_f1", "precision", "recall", "f1");

  /** Creates the task. */
  public Register() {}

  @Override
  public List<String> run(List<Path> miniBatch, TaskContext ctx) throws IOException {
    Path model = Args.path(ctx, "--model");
    Path report = Args.path(ctx, "--report");
    Path out = Files.createDirectories(Args.path(ctx, "--out"));
    for (Path f : List.of(model.resolve("model.tribuo"), model.resolve("training.json"), report.resolve("metrics.json"),
        report.resolve("report.md"))) {
      if (!Files.isRegularFile(f)) {
        throw new BadInputException(f, "missing");
      }
      Files.copy(f, out.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    String metrics = Files.readString(report.resolve("metrics.json"), StandardCharsets.UTF_8);
    double f1 = value(metrics, "f1");
    double base = value(metrics, "baseline_f1");
    Files.writeString(out.resolve("MODEL.md"), String.format(Locale.ROOT, """
        # bad-pixel classifier

        Classifies each pixel of a raw grey sensor video as ok, dead, hot, stuck or flicker from
        its temporal statistics (see training.json for the features). Tribuo random forest,
        protobuf format: `Model.deserializeFromFile(Path.of("model.tribuo"))`.

        Held-out cameras: F1 %.4f (fixed-threshold baseline %.4f). Details in report.md.
        """, f1, base), StandardCharsets.UTF_8);
    for (String name : HEADLINE) {
      Metrics.log(name, value(metrics, name));
    }
    System.out.printf(Locale.ROOT, "model F1 %.4f vs baseline %.4f on held-out cameras%n", f1, base);
    return List.of();
  }

  /** A number from a flat JSON object. */
  static double value(String json, String key) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*(-?[0-9.eE+-]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalArgumentException("metrics.json has no " + key);
    }
    return Double.parseDouble(m.group(1));
  }
}
