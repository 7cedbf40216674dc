package dev.trainyard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lineage daemon, in this JVM, against a real run: it answers exactly what the command answers
 * in-process, resolves the caller's relative paths and TRAINYARD_HOME against the caller's folder,
 * serves only holders of its token, replaces a dead daemon's address, and leaves when idle.
 */
class LineageDaemonTest {
  @TempDir Path dir;
  LineageFixture f;
  Path address;
  LineageDaemon daemon;

  @BeforeEach
  void setUp() throws Exception {
    f = new LineageFixture(dir);
    address = dir.resolve("run/lineage-test.addr");
    Files.createDirectories(address.getParent());
    daemon = LineageDaemon.start(address, 60, null);
    assertThat(daemon).isNotNull();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
  }

  @Test
  void answersAsTheCommandDoesInProcess() {
    List<String[]> queries = List.of(new String[] {"model:fraud:1", "--upstream"}, new String[] {"fraud:1", "--json"},
        new String[] {"raw:1", "--downstream", "--dot"}, new String[] {"--file", dir.resolve("data/a.csv").toString()},
        new String[] {"model:none:1"}, new String[] {"model:fraud:1", "--json", "--dot"});
    for (String[] q : queries) {
      CliRunner.Outcome local = f.lineage(q);
      LineageWire.Reply remote = ask(dir, null, withWorkspace(q));
      assertThat(remote).as(String.join(" ", q)).isNotNull();
      assertThat(remote.exitCode()).as(String.join(" ", q)).isEqualTo(local.exitCode());
      assertThat(text(remote.out())).as(String.join(" ", q)).isEqualTo(local.out());
      assertThat(text(remote.err())).as(String.join(" ", q)).isEqualTo(local.err());
    }
  }

  @Test
  void relativePathsAndTrainyardHomeAreTheCallersAndShownAsGiven() throws Exception {
    LineageWire.Reply r = ask(dir, "ws", new String[] {"lineage", "--file", "data/a.csv"});
    assertThat(r.exitCode()).as(text(r.err())).isZero();
    CliRunner.Outcome local = f.lineage("--file", dir.resolve("data/a.csv").toString());
    assertThat(text(r.out())).startsWith("data/a.csv  file " + f.aCsvSha)
        .isEqualTo(local.out().replace(dir.resolve("data/a.csv").toString(), "data/a.csv"));
    // A workspace that is not there, relative to the caller: said so, with the path as given.
    LineageWire.Reply none = ask(dir, "elsewhere", new String[] {"lineage", "model:fraud:1"});
    assertThat(none.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(text(none.err())).contains("no workspace at elsewhere");
    assertThat(Files.exists(dir.resolve("elsewhere"))).isFalse();
  }

  @Test
  void aRequestWithoutTheTokenGetsNoAnswer() throws Exception {
    LineageClient.Address a = LineageClient.Address.read(address);
    assertThat(a).isNotNull();
    assertThat(Files.getPosixFilePermissions(address)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (Socket s = a.connect()) {
      new LineageWire.Request("not-the-token", dir.toString(), null, "UTF-8",
          List.of("lineage", "model:fraud:1", "--workspace", f.ws)).write(new DataOutputStream(s.getOutputStream()));
      assertThat(new DataInputStream(s.getInputStream()).read()).isEqualTo(-1); // closed, nothing said
    }
  }

  @Test
  void connectionsThatSayNothingCannotPileUp() throws Exception {
    LineageClient.Address a = LineageClient.Address.read(address);
    List<Socket> silent = new ArrayList<>();
    try {
      for (int i = 0; i < LineageDaemon.MAX_CONNECTIONS; i++) {
        silent.add(a.connect());
      }
      Thread.sleep(200); // the daemon accepts them
      assertThat(ask(dir, null, withWorkspace(new String[] {"model:fraud:1"}))).as("one too many").isNull();
    } finally {
      for (Socket s : silent) {
        s.close();
      }
    }
    LineageWire.Reply after = null;
    for (int i = 0; i < 50 && after == null; i++) { // the daemon notices the closes at once; bounded wait
      Thread.sleep(50);
      after = ask(dir, null, withWorkspace(new String[] {"model:fraud:1"}));
    }
    assertThat(after).isNotNull();
    assertThat(after.exitCode()).isZero();
  }

  @Test
  void aDeadDaemonsAddressIsReplacedAndALiveOneIsLeftAlone() throws Exception {
    assertThat(LineageDaemon.start(address, 60, null)).as("a second daemon on a live address").isNull();
    daemon.close();
    daemon = null;
    int deadPort;
    try (ServerSocket gone = new ServerSocket(0)) {
      deadPort = gone.getLocalPort();
    }
    Files.writeString(address, deadPort + " feedface 1\n"); // as a daemon killed with -9 leaves it
    assertThat(ask(dir, null, withWorkspace(new String[] {"model:fraud:1"}))).isNull();
    daemon = LineageDaemon.start(address, 60, null);
    assertThat(daemon).isNotNull();
    assertThat(ask(dir, null, withWorkspace(new String[] {"model:fraud:1"})).exitCode()).isZero();
  }

  @Test
  void leavesWhenIdleAndTakesItsAddressAlong() throws Exception {
    daemon.close();
    daemon = LineageDaemon.start(address, 1, null);
    long t0 = System.nanoTime();
    daemon.awaitIdle();
    assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(500L, 5_000L);
    daemon.close();
    daemon = null;
    assertThat(Files.exists(address)).isFalse();
    assertThat(LineageDaemon.idleSeconds(null)).isEqualTo(LineageDaemon.DEFAULT_IDLE_SECONDS);
    assertThat(LineageDaemon.idleSeconds("5")).isEqualTo(5);
    assertThat(LineageDaemon.idleSeconds("soon")).isEqualTo(LineageDaemon.DEFAULT_IDLE_SECONDS);
  }

  @Test
  void aNewBuildsDaemonRetiresThePreviousBuildsAtTheSamePlace() throws Exception {
    Path folder = dir.resolve("run");
    Path oldBuild = folder.resolve("lineage-0000abcd-1111111111111111.addr");
    Path otherPlace = folder.resolve("lineage-0000ffff-1111111111111111.addr");
    try (LineageDaemon old = LineageDaemon.start(oldBuild, 60, null);
        LineageDaemon elsewhere = LineageDaemon.start(otherPlace, 60, null)) {
      long pid = LineageClient.Address.read(oldBuild).pid();
      assertThat(pid).isEqualTo(ProcessHandle.current().pid());
      try (LineageDaemon current = LineageDaemon.start(folder.resolve("lineage-0000abcd-2222222222222222.addr"), 60,
          null)) {
        long t0 = System.nanoTime();
        old.awaitIdle(); // returns at once: asked to leave, it closed
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
        assertThat(Files.exists(oldBuild)).isFalse();
        assertThat(LineageClient.Address.read(otherPlace).answers()).isTrue();
        assertThat(ask(dir, null, withWorkspace(new String[] {"model:fraud:1"}))).isNotNull();
      }
    }
  }

  @Test
  void theAddressFolderMustBeThisUsersAlone() throws Exception {
    Path fresh = dir.resolve("fresh/trainyard");
    Path file = LineageClient.addressIn(fresh);
    assertThat(file).isNotNull();
    assertThat(file.getParent()).isEqualTo(fresh);
    assertThat(file.getFileName().toString()).matches("lineage-[0-9a-f]{8}-[0-9a-f]{16}\\.addr");
    assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    Path open = Files.createDirectories(dir.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(LineageClient.addressIn(open)).isNull();
  }

  private LineageWire.Reply ask(Path cwd, String home, String[] args) {
    return LineageClient.ask(address, args, cwd.toString(), home, "UTF-8");
  }

  private String[] withWorkspace(String[] q) {
    List<String> all = new ArrayList<>(List.of("lineage"));
    all.addAll(List.of(q));
    all.addAll(List.of("--workspace", f.ws));
    return all.toArray(String[]::new);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
