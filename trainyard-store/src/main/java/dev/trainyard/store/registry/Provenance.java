package dev.trainyard.store.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trainyard.store.IoRecord;
import dev.trainyard.store.MetricRecord;
import dev.trainyard.store.RunRecord;
import dev.trainyard.store.StepRunRecord;
import dev.trainyard.store.Workspace;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What produced a registered version, as JSON (after Tribuo's {@code ModelProvenance}): for a
 * step's output, the pipeline, run, seed and overrides, every step of the run it depends on (code
 * snapshot hash, parameters, seed, input hashes), the data it started from, the run's metrics; for
 * a local path, where it came from. Always the Trainyard and Java versions, OS and architecture.
 */
public final class Provenance {
  private static final JsonFactory JSON = new JsonFactory();

  private Provenance() {}

  /** Provenance of a file or folder registered from {@code path}. */
  public static String ofPath(Path path) {
    return write(g -> {
      g.writeStringField("source", "path");
      g.writeStringField("path", path.toAbsolutePath().normalize().toString());
      g.writeStringField("registered_by", System.getProperty("user.name"));
    });
  }

  /** Provenance of output {@code output} of {@code step} in {@code run}. */
  public static String ofStepOutput(Workspace ws, RunRecord run, StepRunRecord step, String output) throws SQLException {
    List<StepRunRecord> steps = ws.runs().steps(run.id());
    Map<String, StepRunRecord> producer = new HashMap<>();
    Map<Long, Map<String, IoRecord>> ins = new HashMap<>();
    for (StepRunRecord s : steps) {
      for (IoRecord o : ws.results().io(s.id(), "out").values()) {
        if (o.artifactSha256() != null) {
          producer.putIfAbsent(o.artifactSha256(), s);
        }
      }
      ins.put(s.id(), ws.results().io(s.id(), "in"));
    }
    // The steps this output depends on, nearest first, and the data nobody in the run produced.
    Set<StepRunRecord> upstream = new LinkedHashSet<>();
    Map<String, String> data = new LinkedHashMap<>();
    Deque<StepRunRecord> todo = new ArrayDeque<>(List.of(step));
    while (!todo.isEmpty()) {
      StepRunRecord s = todo.pop();
      if (!upstream.add(s)) {
        continue;
      }
      for (IoRecord in : ins.getOrDefault(s.id(), Map.of()).values()) {
        if (in.artifactSha256() == null) {
          continue;
        }
        StepRunRecord p = producer.get(in.artifactSha256());
        if (p != null && p.id() != s.id()) {
          todo.add(p);
        } else {
          data.put(s.name() + "." + in.name(), in.artifactSha256());
        }
      }
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (MetricRecord m : ws.results().metrics(run.id())) {
      metrics.put(m.key(), m.value());
    }
    Map<String, String> tags = ws.results().tags(run.id());
    return write(g -> {
      g.writeStringField("source", run.id() + ":" + step.name() + ":" + output);
      g.writeStringField("pipeline", run.pipeline());
      g.writeStringField("spec_file", run.specFile());
      g.writeStringField("spec_sha256", run.specSha256());
      g.writeStringField("run", run.id());
      g.writeStringField("experiment", run.experiment());
      g.writeNumberField("run_seed", run.seed());
      g.writeStringField("overrides", run.overrides());
      g.writeObjectFieldStart("tags");
      for (var e : tags.entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("steps");
      for (StepRunRecord s : upstream) {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeNumberField("step_run", s.id());
        if (s.seed() != null) {
          g.writeNumberField("seed", s.seed());
        }
        g.writeStringField("cache_key", s.cacheKey());
        g.writeStringField("code_sha256", KeyParts.get(s.keyParts(), "code"));
        g.writeObjectFieldStart("inputs");
        for (IoRecord in : ins.getOrDefault(s.id(), Map.of()).values()) {
          g.writeStringField(in.name(), in.artifactSha256() != null ? "sha256:" + in.artifactSha256() : in.value());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("data");
      for (var e : data.entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeObjectFieldStart("metrics");
      for (var e : metrics.entrySet()) {
        if (Double.isFinite(e.getValue())) {
          g.writeNumberField(e.getKey(), e.getValue());
        }
      }
      g.writeEndObject();
    });
  }

  /** Writes one JSON object: {@code body}'s fields, then the versions and platform. */
  private static String write(Body body) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      body.write(g);
      String v = Provenance.class.getPackage().getImplementationVersion();
      g.writeStringField("trainyard_version", v == null ? "dev" : v);
      g.writeStringField("java_version", System.getProperty("java.version"));
      g.writeStringField("java_vendor", System.getProperty("java.vendor"));
      g.writeStringField("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
      g.writeStringField("arch", System.getProperty("os.arch"));
      g.writeNumberField("created_at", System.currentTimeMillis());
      g.writeEndObject();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return w.toString();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }
}
