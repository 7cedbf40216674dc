package dev.trainyard.examples.badpixels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The pixel classifier: a Tribuo random forest of CART trees over {@link PixelStats} features,
 * trained on every defective pixel of the training cameras, every fine pixel that looks like a
 * defect at first sight (the hard negatives: those the {@link Baseline} rules flag, or that stand
 * out from their neighbours, such as the edges and corners of saturated or crushed regions), and
 * a seeded sample of the other fine ones: of each, up to {@code okPerDefect} per defective pixel.
 */
public final class DefectModel {
  private final Model<Label> model;
  private final int examples;

  private DefectModel(Model<Label> model, int examples) {
    this.model = model;
    this.examples = examples;
  }

  /** Pixels the model was trained on (0 for a loaded model). */
  public int trainingExamples() {
    return examples;
  }

  /**
   * Settings.
   *
   * @param trees trees in the forest
   * @param maxDepth deepest a tree may grow
   * @param okPerDefect hard and other fine pixels sampled (each) per defective pixel of a camera
   * @param seed seeds the sample and the forest
   */
  public record Settings(int trees, int maxDepth, int okPerDefect, long seed) {}

  /** Trains on cameras' features and ground truth (the lists are parallel). */
  public static DefectModel train(List<FeatureFile> cams, List<Defect[]> truths, Settings s) {
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("bad-pixel features", labels),
        labels);
    SplittableRandom r = new SplittableRandom(s.seed());
    for (int c = 0; c < cams.size(); c++) {
      FeatureFile f = cams.get(c);
      Defect[] truth = truths.get(c);
      long bad = java.util.Arrays.stream(truth).filter(d -> d != Defect.OK).count();
      // at most okPerDefect hard and okPerDefect other fine pixels per defective one, seeded
      long quota = s.okPerDefect() * Math.max(1, bad);
      List<Integer> hard = new ArrayList<>();
      List<Integer> easy = new ArrayList<>();
      for (int i = 0; i < truth.length; i++) {
        if (truth[i] != Defect.OK) {
          data.add(example(new Label(truth[i].label()), f, i));
        } else {
          (hard(f, i) ? hard : easy).add(i);
        }
      }
      for (List<Integer> pool : List.of(hard, easy)) {
        double keep = Math.min(1.0, (double) quota / Math.max(1, pool.size()));
        for (int i : pool) {
          if (keep >= 1.0 || r.nextDouble() < keep) {
            data.add(example(new Label(Defect.OK.label()), f, i));
          }
        }
      }
    }
    CARTClassificationTrainer cart = new CARTClassificationTrainer(s.maxDepth(), 0.5f, s.seed());
    RandomForestTrainer<Label> forest = new RandomForestTrainer<>(cart, new VotingCombiner(), s.trees(), s.seed());
    return new DefectModel(forest.train(data), data.size());
  }

  /** A fine pixel worth learning from: one that fixed rules would flag or that stands out from its neighbours. */
  static boolean hard(FeatureFile f, int i) {
    return Baseline.classify(f, i) != Defect.OK || Math.abs(f.get(i, "res_mean")) >= 4
        || f.get(i, "outlier_rate") > 0 || f.get(i, "nb_similar") < 0.5f;
  }

  /** The class of every pixel of a camera. */
  public Defect[] predict(FeatureFile f) {
    Defect[] out = new Defect[f.values().length];
    int chunk = 65536;
    for (int start = 0; start < out.length; start += chunk) {
      List<Example<Label>> batch = new ArrayList<>();
      for (int i = start; i < Math.min(out.length, start + chunk); i++) {
        batch.add(example(LabelFactory.UNKNOWN_LABEL, f, i));
      }
      List<Prediction<Label>> p = model.predict(batch);
      for (int i = 0; i < p.size(); i++) {
        out[start + i] = Defect.of(p.get(i).getOutput().getLabel());
      }
    }
    return out;
  }

  /** Saves in Tribuo's protobuf format. */
  public void save(Path file) throws IOException {
    model.serializeToFile(file);
  }

  /** Loads a model saved by {@link #save}. */
  public static DefectModel load(Path file) throws IOException {
    Model<?> m = Model.deserializeFromFile(file);
    if (!m.validate(Label.class)) {
      throw new BadInputException(file, "not a classification model");
    }
    @SuppressWarnings("unchecked")
    Model<Label> labels = (Model<Label>) m;
    return new DefectModel(labels, 0);
  }

  /** The underlying Tribuo model. */
  public Model<Label> tribuo() {
    return model;
  }

  private static Example<Label> example(Label label, FeatureFile f, int i) {
    float[] v = f.values()[i];
    double[] d = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      d[j] = v[j];
    }
    return new ArrayExample<>(label, NAMES, d);
  }

  private static final String[] NAMES = PixelStats.NAMES.toArray(String[]::new);
}
