package dev.trainyard.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trainyard.store.MetricRecord;
import dev.trainyard.store.StoredObject;
import dev.trainyard.store.Workspace;
import dev.trainyard.store.registry.AssetKind;
import dev.trainyard.store.registry.AssetRecord;
import dev.trainyard.store.registry.Registries;
import dev.trainyard.store.registry.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared by {@code data}, {@code model} and {@code component}: finding, printing and downloading versions. */
final class AssetViews {
  private AssetViews() {}

  /** The version {@code ref} ({@code N:V}, {@code N@label}, {@code N}) names, or a clear error. */
  static AssetRecord resolve(Workspace ws, AssetKind kind, String ref) throws Exception {
    String[] p = Registries.parseRef(ref);
    if (p[0].isEmpty() || (p[1] != null && p[1].isEmpty()) || (p[2] != null && p[2].isEmpty())) {
      throw new RegistryException("'" + ref + "' is not a reference: expected NAME:VERSION, NAME@LABEL or NAME");
    }
    AssetRecord a = ws.registries().find(kind, p[0], p[1], p[2]);
    if (a == null) {
      List<AssetRecord> versions = ws.registries().list(kind, p[0], Map.of());
      throw new RegistryException(kind.noun() + " '" + ref + "' is not registered"
          + (versions.isEmpty() ? " (no versions of '" + p[0] + "'; see 'trainyard " + command(kind) + " list')"
              : " (versions of " + p[0] + ": " + String.join(", ", versions.stream().map(AssetRecord::version)
                  .limit(10).toList()) + ")"));
    }
    return a;
  }

  static String command(AssetKind kind) {
    return kind == AssetKind.DATA ? "data" : kind == AssetKind.MODEL ? "model" : "component";
  }

  /** Parses repeated {@code --tag k=v} values. */
  static Map<String, String> tags(List<String> raw) throws RegistryException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String t : raw) {
      int eq = t.indexOf('=');
      if (eq <= 0) {
        throw new RegistryException("--tag '" + t + "': expected KEY=VALUE");
      }
      out.put(t.substring(0, eq), t.substring(eq + 1));
    }
    return out;
  }

  static void printList(List<AssetRecord> list, boolean json) {
    if (json) {
      System.out.println(Json.write(g -> {
        g.writeStartArray();
        for (AssetRecord a : list) {
          write(g, a, null, Map.of());
        }
        g.writeEndArray();
      }));
      return;
    }
    System.out.printf("%-30s  %-10s  %-13s  %-12s  %-20s  %s%n", "NAME", "VERSION", "TYPE", "SHA256", "CREATED",
        "ALIASES/TAGS");
    for (AssetRecord a : list) {
      String extra = String.join(",", a.aliases().stream().map(x -> "@" + x).toList())
          + (a.tags().isEmpty() ? "" : " " + a.tags());
      System.out.printf("%-30s  %-10s  %-13s  %-12s  %-20s  %s%n", a.name(), a.version(), a.type(),
          a.sha256().substring(0, 12), Instant.ofEpochMilli(a.createdAt()).toString().substring(0, 19), extra.trim());
    }
  }

  static void printOne(Workspace ws, AssetRecord a, boolean json) throws Exception {
    StoredObject o = ws.results().artifact(a.sha256());
    Map<String, Double> metrics = new LinkedHashMap<>();
    if (a.runId() != null) {
      for (MetricRecord m : ws.results().metrics(a.runId())) {
        metrics.put(m.key(), m.value());
      }
    }
    if (json) {
      System.out.println(Json.write(g -> write(g, a, o, metrics)));
      return;
    }
    System.out.println(a.kind().noun() + " " + a.ref());
    System.out.println("  type:        " + a.type());
    System.out.println("  content:     sha256:" + a.sha256() + (o == null ? "" : " (" + o.files()
        + (o.files() == 1 ? " file, " : " files, ") + o.size() + " bytes)"));
    if (a.description() != null) {
      System.out.println("  description: " + a.description());
    }
    System.out.println("  created:     " + Instant.ofEpochMilli(a.createdAt()));
    System.out.println("  source:      " + a.source());
    if (!a.aliases().isEmpty()) {
      System.out.println("  aliases:     " + String.join(", ", a.aliases()));
    }
    a.tags().forEach((k, v) -> System.out.println("  tag:         " + k + "=" + v));
    metrics.forEach((k, v) -> System.out.println("  metric:      " + k + " = " + v));
    System.out.println("  provenance:  " + a.provenance());
  }

  private static void write(JsonGenerator g, AssetRecord a, StoredObject detail, Map<String, Double> metrics)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", a.kind().column());
    g.writeStringField("name", a.name());
    g.writeStringField("version", a.version());
    g.writeStringField("type", a.type());
    g.writeStringField("sha256", a.sha256());
    g.writeStringField("description", a.description());
    g.writeStringField("source", a.source());
    g.writeStringField("run", a.runId());
    g.writeStringField("created", Instant.ofEpochMilli(a.createdAt()).toString());
    g.writeObjectFieldStart("tags");
    for (var e : a.tags().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("aliases");
    for (String x : a.aliases()) {
      g.writeString(x);
    }
    g.writeEndArray();
    if (detail != null) {
      g.writeNumberField("files", detail.files());
      g.writeNumberField("size", detail.size());
      g.writeObjectFieldStart("metrics");
      for (var e : metrics.entrySet()) {
        g.writeFieldName(e.getKey());
        Json.value(g, e.getValue());
      }
      g.writeEndObject();
      g.writeFieldName("provenance");
      g.writeRawValue(a.provenance());
    }
    g.writeEndObject();
  }

  /** Copies a version's content into {@code dir} (a folder's files, or the file under its name), verified. */
  static void download(Workspace ws, AssetRecord a, Path dir) throws Exception {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new RegistryException(dir + " exists and is not a folder");
    }
    StoredObject o = ws.results().artifact(a.sha256());
    if (o.kind() == StoredObject.Kind.TREE) {
      ws.objects().materializeTree(o.sha256(), dir);
    } else {
      String file = a.source() != null && !a.source().contains(":") ? Path.of(a.source()).getFileName().toString()
          : a.name();
      Files.createDirectories(dir);
      ws.objects().materializeFile(o.sha256(), dir.resolve(file), false);
    }
    System.out.println(dir + ": " + a.kind().noun() + " " + a.ref() + ", " + o.files()
        + (o.files() == 1 ? " file, " : " files, ") + o.size() + " bytes");
  }
}
