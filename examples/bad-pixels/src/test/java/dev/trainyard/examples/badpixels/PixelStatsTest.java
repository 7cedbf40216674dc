package dev.trainyard.examples.badpixels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PixelStatsTest {
  @TempDir Path dir;

  static final int W = 12;
  static final int H = 10;
  static final int DEAD = 2 * W + 2;
  static final int STUCK = 5 * W + 5;
  static final int FLICKER = 7 * W + 9;
  static final int FINE = 3 * W + 8;

  /** A moving sine scene with noise and one dead, one stuck and one flickering pixel. */
  static int[] frame(int t, Random r) {
    int[] v = new int[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        double s = 110 + 40 * Math.sin(0.35 * t + 0.25 * x + 0.1 * y) + 2 * r.nextGaussian();
        v[y * W + x] = (int) Math.max(0, Math.min(255, Math.round(s)));
      }
    }
    v[DEAD] = 0;
    v[STUCK] = 150;
    v[FLICKER] = Math.min(255, v[FLICKER] + ((t / 3) % 2 == 0 ? 0 : 100));
    return v;
  }

  static FeatureFile features(int frames) {
    PixelStats s = new PixelStats(W, H);
    Random r = new Random(1);
    for (int t = 0; t < frames; t++) {
      int[] v = frame(t, r);
      s.add(v, Preprocess.residual(v, W, H));
    }
    return new FeatureFile("c", W, H, frames, s.noise(), PixelStats.NAMES, s.features());
  }

  @Test
  void featuresSetEachDefectApartFromAFinePixel() {
    FeatureFile f = features(40);
    assertThat(f.noise()).isBetween(1.0, 4.0);
    assertThat(f.values()).hasNumberOfRows(W * H);
    assertThat(f.values()[0]).hasSize(PixelStats.NAMES.size());
    // stuck: no change of its own while its neighbours move
    assertThat(f.get(STUCK, "activity")).isLessThan(0.05f);
    assertThat(f.get(STUCK, "std_ratio")).isLessThan(0.05f);
    assertThat(f.get(FINE, "activity")).isGreaterThan(0.5f);
    assertThat(f.get(FINE, "std_ratio")).isGreaterThan(0.5f);
    assertThat(f.get(FINE, "corr")).isGreaterThan(0.8f);
    // dead: black, and far from every neighbour
    assertThat(f.get(DEAD, "mean")).isEqualTo(0f);
    assertThat(f.get(DEAD, "low_rate")).isEqualTo(1f);
    assertThat(f.get(DEAD, "nb_mean_gap")).isGreaterThan(0.3f);
    assertThat(f.get(FINE, "nb_mean_gap")).isLessThan(0.03f);
    // flickering: jumps every third frame, far from its neighbours when on
    assertThat(f.get(FLICKER, "jump_rate")).isGreaterThan(0.25f);
    assertThat(f.get(FLICKER, "outlier_rate")).isBetween(0.4f, 0.6f);
    assertThat(f.get(FINE, "jump_rate")).isEqualTo(0f);
    assertThat(f.get(FINE, "outlier_rate")).isEqualTo(0f);
    assertThat(f.get(FINE, "min")).isGreaterThan(0.2f);
    assertThat(f.get(FINE, "max")).isLessThan(0.7f);
  }

  @Test
  void theResidualOfASmoothRampIsZeroInsideAndOfASpikeItsHeight() {
    int[] ramp = new int[W * H];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = 3 * (i % W) + 2 * (i / W);
    }
    ramp[FINE] += 90;
    int[] r = Preprocess.residual(ramp, W, H);
    for (int i = 0; i < r.length; i++) {
      boolean edge = i % W == 0 || i % W == W - 1 || i / W == 0 || i / W == H - 1;
      boolean nextToSpike = i != FINE && Math.abs(i % W - FINE % W) <= 1 && Math.abs(i / W - FINE / W) <= 1;
      if (nextToSpike) {
        // one outlier among 8 neighbours moves their median by at most a step
        assertThat(Math.abs(r[i])).as("pixel %d", i).isLessThanOrEqualTo(3);
      } else if (!edge) {
        assertThat(r[i]).as("pixel %d", i).isEqualTo(i == FINE ? 90 : 0);
      }
    }
    // edges are mirrored: on a ramp the mirrored neighbours are all on one side
    assertThat(r[0]).isEqualTo(-4);
    assertThat(Preprocess.median8(new int[] {9, 1, 8, 2, 7, 3, 6, 4})).isEqualTo(5);
  }

  @Test
  void theMedianNetworkAgreesWithSortingOnEveryBinaryInputAndRandomOnes() {
    Random r = new Random(3);
    for (int n = 0; n < 256 + 20_000; n++) {
      int[] v = new int[8];
      for (int i = 0; i < 8; i++) {
        v[i] = n < 256 ? (n >> i) & 1 : r.nextInt(n % 2 == 0 ? 4 : 256);
      }
      int[] sorted = v.clone();
      java.util.Arrays.sort(sorted);
      assertThat(Preprocess.median8(v)).as(java.util.Arrays.toString(v)).isEqualTo((sorted[3] + sorted[4] + 1) >> 1);
    }
  }

  @Test
  void extractionFromFilesMatchesInMemoryStatisticsAndSurvivesAWrite() throws Exception {
    Random r = new Random(1);
    Path frames = Files.createDirectories(dir.resolve("frames/c"));
    for (int t = 0; t < 40; t++) {
      int[] v = frame(t, r);
      byte[] b = new byte[v.length];
      for (int i = 0; i < v.length; i++) {
        b[i] = (byte) v[i];
      }
      Pgm.write8(frames.resolve(String.format("%06d.pgm", t)), W, H, b);
    }
    Preprocess pre = new Preprocess();
    try (var s = Files.list(frames)) {
      pre.run(s.sorted().toList(), new dev.trainyard.sdk.TaskContext(java.util.List.of("--residuals",
          dir.resolve("res").toString()), java.util.Map.of(), 0, 0));
    }
    FeatureFile got = ExtractFeatures.extract("c", frames, dir.resolve("res/c"), 40);
    FeatureFile want = features(40);
    assertThat(got.noise()).isCloseTo(want.noise(), within(1e-9));
    assertThat(got.values()).isDeepEqualTo(want.values());
    got.write(dir.resolve("c.features"));
    FeatureFile back = FeatureFile.read(dir.resolve("c.features"));
    assertThat(back.values()).isDeepEqualTo(got.values());
    assertThat(back.names()).isEqualTo(PixelStats.NAMES);
    assertThat(back.camera()).isEqualTo("c");
  }
}
