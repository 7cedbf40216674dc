package dev.trainyard.engine;

import dev.trainyard.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A step's cache key: the SHA-256 of its parts — the normalised step definition, the code
 * snapshot's hash, the environment, each input's content hash or value, and the step's seed. Two
 * step runs with equal keys would compute the same outputs, so one may be reused for the other.
 * The parts are kept so that {@code trainyard runs why} can say what differed.
 */
public record CacheKey(String key, Map<String, String> parts) {

  /** Bumped when the meaning of the parts changes, so old entries stop matching. */
  static final String FORMAT = "1";

  public static CacheKey of(Map<String, String> parts) {
    Map<String, String> sorted = new TreeMap<>(parts);
    sorted.put("format", FORMAT);
    String json = FlatJson.write(sorted);
    return new CacheKey(Sha256.of(json.getBytes(StandardCharsets.UTF_8)), sorted);
  }

  public String partsJson() {
    return FlatJson.write(parts);
  }
}
