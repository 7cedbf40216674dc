package dev.trainyard.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a run's code comes from: the source branch, commit, whether the work tree had uncommitted
 * changes, and the CI build id. CI variables win (Azure Pipelines {@code BUILD_SOURCEBRANCHNAME},
 * {@code BUILD_SOURCEVERSION}, {@code BUILD_BUILDID}; GitHub Actions {@code GITHUB_HEAD_REF},
 * {@code GITHUB_REF_NAME}, {@code GITHUB_SHA}, {@code GITHUB_RUN_ID}); otherwise one
 * {@code git status --porcelain=v2 --branch} in the pipeline's folder answers the rest.
 *
 * @param branch null outside a git work tree with no CI variables
 * @param dirty null when unknown
 */
public record BuildInfo(String branch, String commit, Boolean dirty, String buildId) {

  /** Tag keys every run records. */
  public static final String BRANCH = "trainyard.git.branch";
  public static final String COMMIT = "trainyard.git.commit";
  public static final String DIRTY = "trainyard.git.dirty";
  public static final String BUILD = "trainyard.build.id";

  /** Reads the CI variables, then git in {@code dir}. */
  public static BuildInfo detect(Path dir) {
    return detect(dir, System.getenv());
  }

  static BuildInfo detect(Path dir, Map<String, String> env) {
    String branch = first(env, "BUILD_SOURCEBRANCHNAME", "GITHUB_HEAD_REF", "GITHUB_REF_NAME");
    String commit = first(env, "BUILD_SOURCEVERSION", "GITHUB_SHA");
    String build = first(env, "BUILD_BUILDID", "GITHUB_RUN_ID");
    Boolean dirty = null;
    String status = git(dir);
    if (status != null) {
      dirty = false;
      for (String line : status.split("\n")) {
        if (line.startsWith("# branch.oid ") && commit == null && !line.endsWith("(initial)")) {
          commit = line.substring("# branch.oid ".length()).trim();
        } else if (line.startsWith("# branch.head ") && branch == null) {
          String head = line.substring("# branch.head ".length()).trim();
          branch = head.equals("(detached)") ? null : head;
        } else if (!line.startsWith("#") && !line.isBlank()) {
          dirty = true;
        }
      }
    }
    return new BuildInfo(branch, commit, dirty, build);
  }

  /** The tags to record on a run (only the known parts). */
  public Map<String, String> tags() {
    Map<String, String> t = new LinkedHashMap<>();
    if (branch != null) {
      t.put(BRANCH, branch);
    }
    if (commit != null) {
      t.put(COMMIT, commit);
    }
    if (dirty != null) {
      t.put(DIRTY, dirty.toString());
    }
    if (buildId != null) {
      t.put(BUILD, buildId);
    }
    return t;
  }

  private static String first(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }

  private static String git(Path dir) {
    try {
      Process p = new ProcessBuilder("git", "-C", dir.toString(), "status", "--porcelain=v2", "--branch",
          "--untracked-files=no").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null; // no git here: the run simply records no branch
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
