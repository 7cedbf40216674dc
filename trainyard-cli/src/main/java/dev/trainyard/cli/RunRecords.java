package dev.trainyard.cli;

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
}
