package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's entry point with the daemon, as separate processes: the first query answers
 * itself and leaves a daemon behind, the next is answered by that daemon with the same bytes, and
 * {@code TRAINYARD_DAEMON=0} keeps a query local.
 */
@Tag("longrunning")
class LineageDaemonProcessTest {
  @TempDir Path dir;
  Long daemonPid;

  @AfterEach
  void stopDaemon() {
    if (daemonPid != null) {
      ProcessHandle.of(daemonPid).ifPresent(ProcessHandle::destroy);
    }
  }

  @Test
  void theFirstQueryLeavesADaemonThatAnswersTheNextWithTheSameBytes() throws Exception {
    LineageFixture f = new LineageFixture(dir);
    Path xdg = Files.createDirectories(dir.resolve("xdg"));
    String[] query = {"lineage", "model:fraud:1", "--workspace", f.ws};
    CliRunner.Outcome local = f.lineage("model:fraud:1");

    Result first = lineageMain(xdg, Map.of(), query);
    assertThat(first.code).as(first.err).isZero();
    assertThat(first.out).isEqualTo(local.out());

    Path address = awaitAddress(xdg.resolve("trainyard"));
    LineageClient.Address a = LineageClient.Address.read(address);
    daemonPid = a.pid();
    assertThat(a.answers()).isTrue();
    Path log = address.resolveSibling(address.getFileName().toString().replace(".addr", ".log"));

    Result second = lineageMain(xdg, Map.of(), query);
    assertThat(second.code).as(second.err).isZero();
    assertThat(second.out).isEqualTo(local.out());
    assertThat(Files.readString(log)).contains("lineage model:fraud:1 --workspace " + f.ws + ": exit 0");

    Result bad = lineageMain(xdg, Map.of(), "lineage", "model:none:1", "--workspace", f.ws);
    assertThat(bad.code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.err).contains("no model 'none:1'");
    long served = Files.readAllLines(log).size();
    assertThat(served).isEqualTo(2);

    Result off = lineageMain(xdg, Map.of("TRAINYARD_DAEMON", "0"), query);
    assertThat(off.out).isEqualTo(local.out());
    assertThat(Files.readAllLines(log)).hasSize(2); // answered locally
  }

  private record Result(int code, String out, String err) {}

  private Result lineageMain(Path xdg, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LineageMain.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("XDG_RUNTIME_DIR", xdg.toString());
    pb.environment().put("TRAINYARD_DAEMON_IDLE", "60");
    pb.environment().remove("TRAINYARD_DAEMON");
    pb.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int code = p.waitFor();
    return new Result(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static Path awaitAddress(Path folder) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> s = Files.list(folder)) {
          Path found = s.filter(p -> p.toString().endsWith(".addr")).findFirst().orElse(null);
          if (found != null && LineageClient.Address.read(found) != null && LineageClient.Address.read(found).answers()) {
            return found;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no daemon published an address in " + folder);
  }
}
