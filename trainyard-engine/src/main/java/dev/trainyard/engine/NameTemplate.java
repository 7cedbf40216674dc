package dev.trainyard.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Branch-aware names (design.md): a template such as {@code {pipeline_type}_{base_name}_{branch}}
 * applied to experiment, pipeline and registered model names, so that runs and models from
 * different branches never collide. Variables: {@code base_name} (the name the file gives),
 * {@code branch}, {@code commit} (12 characters), {@code build_id}, {@code pipeline_type} (the
 * pipeline's {@code pipeline_type} tag, else {@code pipeline}). Values are made name-safe: any
 * character other than letters, digits, '-', '_' and '.' becomes '-' ({@code feature/x} →
 * {@code feature-x}).
 */
public record NameTemplate(String template) {
  private static final Pattern VAR = Pattern.compile("\\{([a-z_]+)}");
  /** The variables a template may use. */
  public static final java.util.Set<String> VARIABLES =
      java.util.Set.of("base_name", "branch", "commit", "build_id", "pipeline_type");
  /** The run tag that records the template a run used. */
  public static final String TAG = "trainyard.name_template";

  /** The first variable the template names that is not known, or null. */
  public String unknownVariable() {
    Matcher m = VAR.matcher(template);
    while (m.find()) {
      if (!VARIABLES.contains(m.group(1))) {
        return m.group(1);
      }
    }
    return null;
  }

  /** The name for {@code baseName} given a run's build info and pipeline type. */
  public String apply(String baseName, BuildInfo build, String pipelineType) {
    Map<String, String> vars = Map.of(
        "base_name", baseName,
        "branch", build.branch() == null ? "nobranch" : build.branch(),
        "commit", build.commit() == null ? "nocommit" : build.commit().substring(0, Math.min(12, build.commit().length())),
        "build_id", build.buildId() == null ? "local" : build.buildId(),
        "pipeline_type", pipelineType == null || pipelineType.isBlank() ? "pipeline" : pipelineType);
    Matcher m = VAR.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = vars.getOrDefault(m.group(1), m.group());
      m.appendReplacement(sb, Matcher.quoteReplacement(safe(v)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static String safe(String v) {
    String s = v.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("\\.{2,}", ".");
    return s.isEmpty() ? "-" : s;
  }

  /** The build info a run recorded in its tags. */
  public static BuildInfo fromTags(Map<String, String> tags) {
    String dirty = tags.get(BuildInfo.DIRTY);
    return new BuildInfo(tags.get(BuildInfo.BRANCH), tags.get(BuildInfo.COMMIT),
        dirty == null ? null : Boolean.valueOf(dirty), tags.get(BuildInfo.BUILD));
  }
}
