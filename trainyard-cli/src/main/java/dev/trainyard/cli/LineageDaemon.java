package dev.trainyard.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A resident process that answers {@code trainyard lineage} for the launcher, as the Gradle daemon
 * answers builds: a query in a JVM that has just started spends most of its time loading, linking
 * and interpreting code for the first time; here that happened once, and a query costs what the
 * query costs. It listens on a loopback port and answers only requests that carry its secret
 * token, which it writes, with the port, to an address file in a folder only its user can open
 * (see {@link LineageClient#address}). Each request runs as {@link LineageCommand} on the caller's
 * behalf (its folder, its {@code TRAINYARD_HOME}, its output charset) and opens the workspace
 * afresh, so answers are as current as a fresh process's. It holds nothing between requests, so
 * killing it loses nothing; it exits by itself after an idle period.
 */
final class LineageDaemon implements Closeable {
  /** The one argument of a request that asks the daemon to leave (one of a previous build, say). */
  static final String STOP = "--stop-daemon";
  /** Requests served at once; more connections are refused (see {@link #acceptLoop}). */
  static final int MAX_CONNECTIONS = 32;
  /** Seconds without a request before the daemon exits (TRAINYARD_DAEMON_IDLE overrides). */
  static final long DEFAULT_IDLE_SECONDS = 600;

  private final Path addressFile;
  private final String address;
  private final byte[] token;
  private final ServerSocket server;
  private final long idleNanos;
  private final PrintStream log;
  private final AtomicLong lastUse = new AtomicLong(System.nanoTime());
  private final AtomicInteger busy = new AtomicInteger();
  private volatile boolean closed;

  private LineageDaemon(Path addressFile, ServerSocket server, String token, long idleSeconds, PrintStream log) {
    this.addressFile = addressFile;
    this.log = log;
    this.server = server;
    this.token = token.getBytes(StandardCharsets.US_ASCII);
    this.address = server.getLocalPort() + " " + token + " " + ProcessHandle.current().pid() + "\n";
    this.idleNanos = idleSeconds * 1_000_000_000L;
  }

  /**
   * Listens and serves on background threads, publishing its address in {@code addressFile}; null
   * when a daemon already answers at the address there. An address nobody answers at (a daemon
   * killed with -9) is replaced. A line per request goes to {@code log} (null: none).
   */
  static LineageDaemon start(Path addressFile, long idleSeconds, PrintStream log) throws IOException {
    LineageClient.Address old = LineageClient.Address.read(addressFile);
    if (old != null && old.answers()) {
      return null;
    }
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    LineageDaemon d = new LineageDaemon(addressFile, server, HexFormat.of().formatHex(secret), idleSeconds, log);
    // Written whole under a temporary name, then renamed: a client never reads half an address.
    Path tmp = addressFile.resolveSibling(addressFile.getFileName() + "." + ProcessHandle.current().pid());
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, d.address);
    Files.move(tmp, addressFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Thread accept = new Thread(d::acceptLoop, "lineage-daemon-accept");
    accept.setDaemon(true);
    accept.start();
    retireOlderBuilds(addressFile);
    return d;
  }

  /**
   * Asks the daemons of other builds of this installation (address files {@code
   * lineage-WHERE-*.addr} beside this one) to leave: after a rebuild nobody will call them again.
   */
  private static void retireOlderBuilds(Path addressFile) {
    String name = addressFile.getFileName().toString();
    int dash = name.lastIndexOf('-');
    if (!name.startsWith("lineage-") || dash <= "lineage-".length()) {
      return;
    }
    String prefix = name.substring(0, dash + 1);
    try (java.util.stream.Stream<Path> s = Files.list(addressFile.getParent())) {
      for (Path other : s.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(".addr") && !p.equals(addressFile)).toList()) {
        LineageClient.ask(other, new String[] {STOP}, "/", null, "UTF-8");
      }
    } catch (IOException e) {
      // they leave when idle
    }
  }

  /** The daemon process: {@code LineageDaemon ADDRESS_FILE}; exits when idle. */
  public static void main(String[] args) throws Exception {
    LineageDaemon d = start(Path.of(args[0]), idleSeconds(System.getenv("TRAINYARD_DAEMON_IDLE")), System.out);
    if (d == null) {
      return;
    }
    d.awaitIdle();
    d.close();
    System.exit(0);
  }

  static long idleSeconds(String setting) {
    try {
      return setting == null || setting.isBlank() ? DEFAULT_IDLE_SECONDS : Math.max(1, Long.parseLong(setting.trim()));
    } catch (NumberFormatException e) {
      return DEFAULT_IDLE_SECONDS;
    }
  }

  /** Returns once no request has come for the idle period, or the daemon was closed. */
  void awaitIdle() throws InterruptedException {
    while (!closed) {
      long idle = System.nanoTime() - lastUse.get();
      if (busy.get() == 0 && idle >= idleNanos) {
        return;
      }
      Thread.sleep(Math.max(10, Math.min(1000, (idleNanos - idle) / 1_000_000)));
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (busy.incrementAndGet() > MAX_CONNECTIONS) {
        // Connections that never send a request (anyone on this machine can open one) must not
        // pile up threads: beyond this many at once, new ones are closed; a caller then answers itself.
        busy.decrementAndGet();
        try {
          s.close();
        } catch (IOException ignored) {
          // closed anyway
        }
        continue;
      }
      lastUse.set(System.nanoTime());
      Thread t = new Thread(() -> serve(s), "lineage-daemon-request");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout(5_000); // a request arrives at once; a client that stalls is dropped
      DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
      LineageWire.Request req = LineageWire.Request.read(in);
      if (!MessageDigest.isEqual(token, req.token().getBytes(StandardCharsets.US_ASCII))) {
        return; // not from this user: no answer at all
      }
      s.setSoTimeout(0);
      if (req.args().equals(java.util.List.of(STOP))) {
        close(); // first: when the caller has its answer, this daemon's address is gone
        new LineageWire.Reply(0, new byte[0], new byte[0]).write(new DataOutputStream(s.getOutputStream()));
        return;
      }
      long t0 = System.nanoTime();
      LineageWire.Reply reply = run(req);
      if (log != null) {
        // The log (the daemon process's standard output): a line per request, before the answer goes
        // out, so whoever reads it after the answer finds it there.
        String line = String.format("%s lineage %s: exit %d, %d bytes, %.1f ms", java.time.Instant.now(),
            String.join(" ", req.args().subList(1, req.args().size())), reply.exitCode(), reply.out().length,
            (System.nanoTime() - t0) / 1e6);
        synchronized (log) {
          log.println(line);
          log.flush();
        }
      }
      reply.write(new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 16)));
    } catch (IOException | RuntimeException e) {
      // The client gave up or sent garbage; it runs the query itself when it gets no reply.
    } finally {
      lastUse.set(System.nanoTime());
      busy.decrementAndGet();
    }
  }

  /** Runs one request as the caller would have run it. */
  static LineageWire.Reply run(LineageWire.Request req) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    Charset charset = charset(req.charset());
    PrintStream err = new PrintStream(errBytes, true, charset);
    LineageCommand cmd = LineageArgs.parse(req.args().toArray(String[]::new));
    int code;
    if (cmd == null) {
      code = ExitCodes.BAD_INPUT; // the client only sends what LineageArgs reads; help and errors stay local
      err.println("trainyard: the lineage daemon does not take these arguments");
    } else {
      cmd.caller = new LineageCommand.Caller(Path.of(req.cwd()), req.home(), out, err, charset);
      code = LineageMain.call(cmd, err);
    }
    err.flush();
    return new LineageWire.Reply(code, out.toByteArray(), errBytes.toByteArray());
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    // Only this daemon's own address: a newer daemon may have replaced it.
    try {
      if (Files.readString(addressFile).equals(address)) {
        Files.deleteIfExists(addressFile);
      }
    } catch (IOException gone) {
      // already removed
    }
  }
}
