package dev.trainyard.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.trainyard.store.MetricRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a step logs: {@code ##trainyard[...]} lines on stdout and JSON lines in
 * {@code $TRAINYARD_METRICS} ({@code {"metric": "loss", "value": 0.3, "step": 2}} or {@code
 * {"param": "lr", "value": "0.1"}}), as the SDK writes them. Malformed entries are ignored: a
 * step's logging must never fail its run.
 */
final class StepMetrics {
  private static final JsonFactory JSON = new JsonFactory();

  private StepMetrics() {}

  static void collect(String line, List<MetricRecord> metrics, Map<String, String> params) {
    TrainyardLines.Command c = TrainyardLines.parse(line);
    if (c == null) {
      return;
    }
    if (c.kind().equals("param")) {
      params.put(c.fields().get("name"), c.fields().get("value"));
      return;
    }
    try {
      double v = Double.parseDouble(c.fields().get("value"));
      long step = c.fields().containsKey("step") ? Long.parseLong(c.fields().get("step")) : 0;
      metrics.add(new MetricRecord(c.fields().get("name"), v, step, System.currentTimeMillis(), null));
    } catch (NumberFormatException ignored) {
      // not a number: not a metric
    }
  }

  static void readJsonl(Path file, List<MetricRecord> metrics, Map<String, String> params) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Map<String, String> f = new HashMap<>();
      try (JsonParser p = JSON.createParser(line)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          p.nextToken();
          f.put(k, p.getValueAsString());
        }
      } catch (IOException malformed) {
        continue;
      }
      try {
        if (f.containsKey("metric") && f.get("value") != null) {
          metrics.add(new MetricRecord(f.get("metric"), Double.parseDouble(f.get("value")),
              f.get("step") == null ? 0 : Long.parseLong(f.get("step")),
              f.get("timestamp") == null ? System.currentTimeMillis() : Long.parseLong(f.get("timestamp")), null));
        } else if (f.containsKey("param") && f.get("value") != null) {
          params.put(f.get("param"), f.get("value"));
        }
      } catch (NumberFormatException ignored) {
        // a malformed entry is skipped
      }
    }
  }

  static Map<String, Double> last(List<MetricRecord> metrics) {
    Map<String, Double> out = new LinkedHashMap<>();
    synchronized (metrics) {
      metrics.forEach(m -> out.put(m.key(), m.value()));
    }
    return out;
  }
}
