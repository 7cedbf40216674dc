package dev.trainyard.examples.badpixels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoresTest {
  @Test
  void microAveragesCountWrongClassesAsBothAMissAndAFalseAlarm() {
    Scores s = new Scores();
    for (int i = 0; i < 100; i++) {
      s.add(Defect.OK, Defect.OK);
    }
    s.add(Defect.OK, Defect.DEAD); // false alarm
    s.add(Defect.DEAD, Defect.DEAD);
    s.add(Defect.DEAD, Defect.DEAD);
    s.add(Defect.HOT, Defect.HOT);
    s.add(Defect.STUCK, Defect.OK); // miss
    s.add(Defect.FLICKER, Defect.HOT); // wrong class
    // TP 3 (2 dead, 1 hot); predicted defects 5; actual defects 5
    assertThat(s.precision()).isCloseTo(3 / 5.0, within(1e-12));
    assertThat(s.recall()).isCloseTo(3 / 5.0, within(1e-12));
    assertThat(s.f1()).isCloseTo(0.6, within(1e-12));
    assertThat(s.precision(Defect.DEAD)).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(s.recall(Defect.DEAD)).isEqualTo(1.0);
    assertThat(s.f1(Defect.STUCK)).isEqualTo(0.0);
    assertThat(s.metrics("baseline_")).containsKeys("baseline_f1", "baseline_f1_flicker");
    assertThat(s.table()).contains("| flicker | 0 | 0 | 1 | 0 | 0 |");
  }

  @Test
  void theBaselineCallsAnyBlackSteadyPixelDead() {
    float[][] v = new float[2][PixelStats.NAMES.size()];
    v[0][PixelStats.NAMES.indexOf("mean")] = 1 / 255f;
    v[0][PixelStats.NAMES.indexOf("std")] = 0.5f;
    v[1][PixelStats.NAMES.indexOf("mean")] = 0.5f;
    v[1][PixelStats.NAMES.indexOf("std")] = 2f;
    FeatureFile f = new FeatureFile("c", 2, 1, 10, 2.0, PixelStats.NAMES, v);
    assertThat(Baseline.classify(f, 0)).isEqualTo(Defect.DEAD);
    assertThat(Baseline.classify(f, 1)).isEqualTo(Defect.OK);
  }
}
