package dev.trainyard.examples.badpixels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorSimulatorTest {
  @TempDir Path dir;

  private Path video(long seed, int cam, String name) throws Exception {
    Path f = dir.resolve(name);
    new SensorSimulator(seed, cam, 64, 48, 20, 0.025).writeVideo(f);
    return f;
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws Exception {
    byte[] a = Files.readAllBytes(video(7, 3, "a.y4m"));
    byte[] b = Files.readAllBytes(video(7, 3, "b.y4m"));
    byte[] c = Files.readAllBytes(video(8, 3, "c.y4m"));
    byte[] d = Files.readAllBytes(video(7, 4, "d.y4m"));
    assertThat(a).hasSize(("YUV4MPEG2 W64 H48 F25:1 Ip A1:1 Cmono\n").length() + 20 * (6 + 64 * 48));
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
    assertThat(d).isNotEqualTo(a);
    SensorSimulator s1 = new SensorSimulator(7, 3, 64, 48, 20, 0.025);
    SensorSimulator s2 = new SensorSimulator(7, 3, 64, 48, 20, 0.025);
    s1.writeTruth(dir.resolve("t1.csv"));
    s2.writeTruth(dir.resolve("t2.csv"));
    assertThat(Files.readString(dir.resolve("t1.csv"))).isEqualTo(Files.readString(dir.resolve("t2.csv")));
  }

  @Test
  void everyKindOfDefectIsInjectedAndBehavesAsItsName() throws Exception {
    SensorSimulator sim = new SensorSimulator(7, 0, 64, 48, 30, 0.025);
    Defect[] map = sim.defects();
    Set<Defect> kinds = Arrays.stream(map).collect(Collectors.toCollection(() -> EnumSet.noneOf(Defect.class)));
    assertThat(kinds).containsExactlyInAnyOrder(Defect.values());
    assertThat(sim.defectCount()).isEqualTo(Math.round(0.025 * 64 * 48));
    Path f = dir.resolve("v.y4m");
    sim.writeVideo(f);
    int n = 64 * 48;
    int[] min = new int[n];
    int[] max = new int[n];
    Arrays.fill(min, 255);
    try (Y4m.Reader r = Y4m.Reader.open(f)) {
      byte[] buf = new byte[n];
      while (r.next(buf)) {
        for (int i = 0; i < n; i++) {
          min[i] = Math.min(min[i], buf[i] & 0xff);
          max[i] = Math.max(max[i], buf[i] & 0xff);
        }
      }
      assertThat(r.framesRead()).isEqualTo(30);
    }
    for (int i = 0; i < n; i++) {
      switch (map[i]) {
        case DEAD -> assertThat(max[i]).as("dead pixel %d", i).isLessThanOrEqualTo(5);
        case HOT -> assertThat(min[i]).as("hot pixel %d", i).isGreaterThanOrEqualTo(245);
        case STUCK -> assertThat(max[i] - min[i]).as("stuck pixel %d", i).isLessThanOrEqualTo(2);
        case FLICKER -> assertThat(max[i] - min[i]).as("flickering pixel %d", i).isGreaterThanOrEqualTo(40);
        default -> { }
      }
    }
  }

  @Test
  void truthListsEachDefectOnce() throws Exception {
    SensorSimulator sim = new SensorSimulator(1, 2, 64, 48, 5, 0.025);
    sim.writeTruth(dir.resolve("t.csv"));
    assertThat(Truth.read(dir.resolve("t.csv"), 64, 48)).isEqualTo(sim.defects());
    assertThat(Files.readAllLines(dir.resolve("t.csv"))).first().isEqualTo("x,y,class");
  }
}
