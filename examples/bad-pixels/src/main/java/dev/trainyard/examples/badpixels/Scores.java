package dev.trainyard.examples.badpixels;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A confusion matrix over {@link Defect} classes and the scores drawn from it. Precision, recall
 * and F1 are per defect class, and overall as a micro-average over the four defect classes: a
 * defect found with the right class is a true positive, a pixel reported as the wrong class (or as
 * defective when it is fine) a false positive, a defect missed or misclassified a false negative.
 * Fine pixels classified as fine are not counted, as they would swamp every score.
 */
public final class Scores {
  private final long[][] m = new long[Defect.values().length][Defect.values().length];

  /** Creates an empty matrix. */
  public Scores() {}

  /** Counts one pixel. */
  public void add(Defect truth, Defect predicted) {
    m[truth.ordinal()][predicted.ordinal()]++;
  }

  /** Pixels with truth {@code t} predicted as {@code p}. */
  public long count(Defect t, Defect p) {
    return m[t.ordinal()][p.ordinal()];
  }

  private long tp(Defect c) {
    return m[c.ordinal()][c.ordinal()];
  }

  private long predicted(Defect c) {
    long s = 0;
    for (long[] row : m) {
      s += row[c.ordinal()];
    }
    return s;
  }

  private long actual(Defect c) {
    long s = 0;
    for (long v : m[c.ordinal()]) {
      s += v;
    }
    return s;
  }

  /** Precision of class {@code c} (1 when nothing was predicted as {@code c}). */
  public double precision(Defect c) {
    long p = predicted(c);
    return p == 0 ? 1 : (double) tp(c) / p;
  }

  /** Recall of class {@code c} (1 when there is no {@code c}). */
  public double recall(Defect c) {
    long a = actual(c);
    return a == 0 ? 1 : (double) tp(c) / a;
  }

  /** F1 of class {@code c}. */
  public double f1(Defect c) {
    return f1(precision(c), recall(c));
  }

  /** Micro-averaged precision over the defect classes. */
  public double precision() {
    long tp = 0;
    long p = 0;
    for (Defect c : Defect.values()) {
      if (c != Defect.OK) {
        tp += tp(c);
        p += predicted(c);
      }
    }
    return p == 0 ? 1 : (double) tp / p;
  }

  /** Micro-averaged recall over the defect classes. */
  public double recall() {
    long tp = 0;
    long a = 0;
    for (Defect c : Defect.values()) {
      if (c != Defect.OK) {
        tp += tp(c);
        a += actual(c);
      }
    }
    return a == 0 ? 1 : (double) tp / a;
  }

  /** Micro-averaged F1 over the defect classes: the headline score. */
  public double f1() {
    return f1(precision(), recall());
  }

  /** The mean of the four defect classes' F1. */
  public double macroF1() {
    double s = 0;
    for (Defect c : Defect.values()) {
      if (c != Defect.OK) {
        s += f1(c);
      }
    }
    return s / (Defect.values().length - 1);
  }

  /** Named scores: {@code PREFIXf1}, {@code PREFIXprecision}, ..., {@code PREFIXf1_dead}, .... */
  public Map<String, Double> metrics(String prefix) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put(prefix + "f1", f1());
    out.put(prefix + "precision", precision());
    out.put(prefix + "recall", recall());
    out.put(prefix + "macro_f1", macroF1());
    for (Defect c : Defect.values()) {
      if (c != Defect.OK) {
        out.put(prefix + "f1_" + c.label(), f1(c));
      }
    }
    return out;
  }

  /** The confusion matrix as a Markdown table, truth down, prediction across. */
  public String table() {
    StringBuilder sb = new StringBuilder("| truth \\ predicted |");
    for (Defect p : Defect.values()) {
      sb.append(' ').append(p.label()).append(" |");
    }
    sb.append("\n|---|").append("---:|".repeat(Defect.values().length)).append('\n');
    for (Defect t : Defect.values()) {
      sb.append("| ").append(t.label()).append(" |");
      for (Defect p : Defect.values()) {
        sb.append(' ').append(count(t, p)).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Per-class precision, recall and F1 as a Markdown table. */
  public String classTable() {
    StringBuilder sb = new StringBuilder("| class | pixels | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n");
    for (Defect c : Defect.values()) {
      if (c != Defect.OK) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f |%n", c.label(), actual(c), precision(c),
            recall(c), f1(c)));
      }
    }
    sb.append(String.format(Locale.ROOT, "| **all defects (micro)** | %d | %.4f | %.4f | **%.4f** |%n",
        actualDefects(), precision(), recall(), f1()));
    return sb.toString();
  }

  private long actualDefects() {
    long a = 0;
    for (Defect c : Defect.values()) {
      if (c != Defect.OK) {
        a += actual(c);
      }
    }
    return a;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
