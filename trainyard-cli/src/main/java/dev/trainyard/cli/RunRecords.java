package dev.trainyard.cli;

import dev.trainyard.engine.BuildInfo;
import dev.trainyard.engine.NameTemplate;
import dev.trainyard.spec.plan.Plan;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names and tags of new runs. */
final class RunRecords {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private RunRecords() {}

  /** A run id that sorts by time and does not collide: {@code 20261123-061502-3f9a1c}. */
  static String newId() {
    return LocalDateTime.now().format(ID) + "-" + String.format("%06x", RANDOM.nextInt(1 << 24));
  }

  static String pipelineOf(Plan plan, Path file) {
    String n = plan.job().meta().displayName();
    return n != null ? n : stem(file);
  }

  static String experimentOf(Plan plan, Path file) {
    String e = plan.job().experimentName();
    return e != null ? e : pipelineOf(plan, file);
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  static String host() {
    String h = System.getenv("HOSTNAME");
    try {
      return h != null ? h : java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  static Map<String, String> tags(Path file) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("trainyard.file", file.toString());
    tags.put("trainyard.user", System.getProperty("user.name", ""));
    return tags;
  }

  /** A run's tags: file, user, the source branch, commit, dirty flag and build id, the name template used. */
  static Map<String, String> tags(Path file, BuildInfo build, NameTemplate names, Plan plan) {
    Map<String, String> tags = tags(file);
    tags.putAll(build.tags());
    if (names != null) {
      tags.put(NameTemplate.TAG, names.template());
      tags.put("trainyard.pipeline_type", pipelineType(plan));
    }
    return tags;
  }

  /** {@code --name-template}, else {@code $TRAINYARD_NAME_TEMPLATE}, else none. */
  static NameTemplate nameTemplate(String option) {
    String t = option != null ? option : System.getenv("TRAINYARD_NAME_TEMPLATE");
    return t == null || t.isBlank() ? null : new NameTemplate(t);
  }

  /** {@code base} under the name template, or {@code base} itself when there is none. */
  static String named(NameTemplate names, String base, BuildInfo build, Plan plan) {
    return names == null ? base : names.apply(base, build, pipelineType(plan));
  }

  /** The pipeline's {@code pipeline_type} tag (e.g. training, scoring), else "pipeline". */
  static String pipelineType(Plan plan) {
    String t = plan.job().meta().tags().get("pipeline_type");
    return t == null || t.isBlank() ? "pipeline" : t;
  }
}
