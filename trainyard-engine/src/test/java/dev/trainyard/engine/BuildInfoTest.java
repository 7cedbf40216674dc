package dev.trainyard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Branch, commit, dirty flag and build id from a real git work tree and CI variables; name templates. */
class BuildInfoTest {
  @TempDir Path repo;

  static String git(Path dir, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=t",
        "-c", "user.email=t@example.com"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void readsBranchCommitAndDirtyFromGit() throws Exception {
    git(repo, "init", "-q", "-b", "feature/faster-split");
    Files.writeString(repo.resolve("p.yml"), "type: pipeline\n");
    git(repo, "add", "p.yml");
    git(repo, "commit", "-q", "-m", "first");
    BuildInfo clean = BuildInfo.detect(repo, Map.of());
    assertThat(clean.branch()).isEqualTo("feature/faster-split");
    assertThat(clean.commit()).isEqualTo(git(repo, "rev-parse", "HEAD"));
    assertThat(clean.dirty()).isFalse();
    assertThat(clean.buildId()).isNull();
    Files.writeString(repo.resolve("p.yml"), "type: pipeline\njobs: {}\n");
    assertThat(BuildInfo.detect(repo, Map.of()).dirty()).isTrue();
    assertThat(clean.tags()).containsEntry(BuildInfo.BRANCH, "feature/faster-split").containsKey(BuildInfo.COMMIT)
        .containsEntry(BuildInfo.DIRTY, "false").doesNotContainKey(BuildInfo.BUILD);
  }

  @Test
  void ciVariablesWin() throws Exception {
    git(repo, "init", "-q", "-b", "main");
    BuildInfo azure = BuildInfo.detect(repo, Map.of("BUILD_SOURCEBRANCHNAME", "release", "BUILD_BUILDID", "812",
        "BUILD_SOURCEVERSION", "abc123"));
    assertThat(azure).isEqualTo(new BuildInfo("release", "abc123", false, "812"));
    BuildInfo github = BuildInfo.detect(repo, Map.of("GITHUB_HEAD_REF", "", "GITHUB_REF_NAME", "pr-7", "GITHUB_RUN_ID", "99"));
    assertThat(github.branch()).isEqualTo("pr-7");
    assertThat(github.buildId()).isEqualTo("99");
    assertThat(github.commit()).isNull(); // no commit yet in this repository
  }

  @Test
  void outsideGitNothingIsGuessed() {
    BuildInfo none = BuildInfo.detect(repo, Map.of());
    assertThat(none).isEqualTo(new BuildInfo(null, null, null, null));
    assertThat(none.tags()).isEmpty();
  }

  @Test
  void templatesMakeNameSafeBranchAwareNames() {
    NameTemplate t = new NameTemplate("{pipeline_type}_{base_name}_{branch}");
    assertThat(t.unknownVariable()).isNull();
    BuildInfo b = new BuildInfo("feature/x y", "0123456789abcdef", false, "42");
    assertThat(t.apply("bad-pixels", b, "training")).isEqualTo("training_bad-pixels_feature-x-y");
    assertThat(new NameTemplate("{base_name}-{build_id}-{commit}").apply("m", b, null)).isEqualTo("m-42-0123456789ab");
    assertThat(t.apply("m", new BuildInfo(null, null, null, null), null)).isEqualTo("pipeline_m_nobranch");
    assertThat(new NameTemplate("{base_name}_{brnach}").unknownVariable()).isEqualTo("brnach");
    assertThat(new NameTemplate("{base_name}_{branch}").apply("m", new BuildInfo("../..", null, null, null), null))
        .isEqualTo("m_.-.");
  }
}
