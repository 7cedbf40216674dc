package dev.trainyard.engine;

import dev.trainyard.store.Sha256;
import java.nio.charset.StandardCharsets;

/** Per-step seeds derived from the run's seed and the step's name: stable, distinct, recorded. */
public final class Seeds {
  private Seeds() {}

  public static long forStep(long runSeed, String step) {
    byte[] h = Sha256.digest().digest((runSeed + ":" + step).getBytes(StandardCharsets.UTF_8));
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (h[i] & 0xFF);
    }
    return v & 0x7FFF_FFFFL;
  }
}
