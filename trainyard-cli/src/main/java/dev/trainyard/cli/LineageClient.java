package dev.trainyard.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher's side of {@link LineageDaemon}: sends the command line to the daemon of this build
 * and relays its answer, or says that none answered, in which case the caller runs the query
 * itself and may {@link #spawn} a daemon for the next one. {@code TRAINYARD_DAEMON=0} turns it off.
 */
final class LineageClient {
  private LineageClient() {}

  /** Whether the environment allows a daemon. */
  static boolean enabled() {
    String s = System.getenv("TRAINYARD_DAEMON");
    return s == null || !(s.equals("0") || s.equalsIgnoreCase("false") || s.equalsIgnoreCase("off"));
  }

  /** A daemon's published address: its loopback port, secret token and process id. */
  record Address(int port, String token, long pid) {
    /** The address in {@code file}; null when there is none, or it is unreadable or malformed. */
    static Address read(Path file) {
      if (file == null) {
        return null;
      }
      try (FileInputStream in = new FileInputStream(file.toFile())) {
        String s = new String(in.readNBytes(256), StandardCharsets.US_ASCII).trim();
        int a = s.indexOf(' ');
        int b = s.indexOf(' ', a + 1);
        if (a < 0 || b < 0) {
          return null;
        }
        return new Address(Integer.parseInt(s.substring(0, a)), s.substring(a + 1, b), Long.parseLong(s.substring(b + 1)));
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    Socket connect() throws IOException {
      Socket s = new Socket();
      try {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      } catch (IOException e) {
        s.close();
        throw e;
      }
      return s;
    }

    /** Whether something accepts connections there. */
    boolean answers() {
      try (Socket s = connect()) {
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }

  /**
   * The daemon's answer to {@code args}, relayed to this process's standard output and error: its
   * exit code; null when no daemon of this build answered (nothing was written then).
   */
  static Integer tryRemote(Path addressFile, String[] args) {
    LineageWire.Reply reply = ask(addressFile, args, System.getProperty("user.dir"), System.getenv("TRAINYARD_HOME"),
        StdoutBytes.charset().name());
    if (reply == null) {
      return null;
    }
    // Straight to the file descriptors: the bytes are already encoded as this process would. A
    // closed output (`| head`) is ignored, as System.out ignores it when the query runs here.
    try {
      new FileOutputStream(FileDescriptor.out).write(reply.out());
    } catch (IOException ignored) {
      // the reader went away
    }
    try {
      new FileOutputStream(FileDescriptor.err).write(reply.err());
    } catch (IOException ignored) {
      // the reader went away
    }
    return reply.exitCode();
  }

  /**
   * Sends {@code args} to the daemon at {@code addressFile} on behalf of a caller in folder {@code
   * cwd} with {@code TRAINYARD_HOME} {@code home}: its reply, or null when none came.
   */
  static LineageWire.Reply ask(Path addressFile, String[] args, String cwd, String home, String charset) {
    Address a = Address.read(addressFile);
    if (a == null) {
      return null;
    }
    try (Socket s = a.connect()) {
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
      new LineageWire.Request(a.token(), cwd, home, charset, Arrays.asList(args)).write(out);
      return LineageWire.Reply.read(new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16)));
    } catch (IOException | RuntimeException e) {
      return null; // no daemon, or it went away mid-answer: the query runs here, from the start
    }
  }

  /**
   * Where this build's daemon publishes its address: a folder only this user can open ({@code
   * $XDG_RUNTIME_DIR/trainyard}, else {@code trainyard-USER} in the temporary folder), and a name
   * made from the JDK and the class path's files, sizes and times, so a rebuilt CLI never talks to
   * a daemon running older code. Null when no such folder can be had safely.
   */
  static Path address() {
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    StringBuilder user = new StringBuilder();
    for (char ch : System.getProperty("user.name", "user").toCharArray()) {
      user.append(Character.isLetterOrDigit(ch) || ch == '_' || ch == '.' || ch == '-' ? ch : '_'); // no regex: start-up
    }
    return addressIn(runtime != null && !runtime.isBlank() ? Path.of(runtime, "trainyard")
        : Path.of(System.getProperty("java.io.tmpdir"), "trainyard-" + user));
  }

  /** This build's address file in {@code dir}, made (mode 700) if missing; null if {@code dir} is not safe. */
  static Path addressIn(Path dir) {
    try {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(dir.getParent());
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.owner().getName().equals(System.getProperty("user.name"))
          || !PosixFilePermissions.toString(a.permissions()).equals("rwx------")) {
        return null; // someone else's folder, or one others can enter: no address there
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
    return dir.resolve("lineage-" + buildKey() + ".addr");
  }

  /**
   * Two keys, FNV-1a, 8 and 16 hex digits: where this CLI is installed (the JDK and the class path's
   * entries) and which build of it this is (also each entry's size and time). A rebuilt CLI gets a
   * new daemon, which retires the one of the previous build at the same place.
   */
  static String buildKey() {
    StringBuilder where = new StringBuilder(System.getProperty("java.home")).append('|')
        .append(System.getProperty("java.version"));
    StringBuilder stamps = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      File f = new File(entry);
      where.append('|').append(f.getAbsolutePath());
      stamps.append('|').append(f.length()).append(':').append(f.lastModified());
    }
    return hex(fnv(where), 8) + "-" + hex(fnv(where.append(stamps)), 16);
  }

  private static long fnv(CharSequence s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static String hex(long h, int digits) {
    String hex = Long.toHexString(h); // not String.format: its first use costs milliseconds of start-up
    hex = "0".repeat(16 - hex.length()) + hex;
    return hex.substring(16 - digits);
  }

  /**
   * Starts a daemon for {@code addressFile} in the background, in a session of its own (so a Ctrl-C
   * in this terminal does not reach it), with this process's JDK, class path and SQLite settings;
   * its own output (a line per request) goes to a log beside the address file. {@code setsid
   * --fork} starts it and returns at once: a child still running when this JVM exits would hold the
   * exit up by 300 ms (the JVM waits that long for its thread reaping the child). False when it
   * could not be started (no setsid, say): the next query then runs here too.
   */
  static boolean spawn(Path addressFile) {
    File setsid = new File("/usr/bin/setsid");
    if (!setsid.canExecute()) {
      return false;
    }
    List<String> cmd = new ArrayList<>(List.of(setsid.getPath(), "--fork",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC"));
    // The launcher's class-data archive for lineage (same class path): the daemon's first answers
    // start from archived classes, as the caller's did.
    String archive = System.getProperty("trainyard.cds.archive");
    if (archive != null && new File(archive).isFile()) {
      cmd.addAll(List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:SharedArchiveFile=" + archive));
    }
    for (String p : new String[] {"org.sqlite.lib.path", "org.sqlite.lib.name", "org.sqlite.tmpdir", "slf4j.provider",
        "slf4j.internal.verbosity"}) {
      if (System.getProperty(p) != null) {
        cmd.add("-D" + p + "=" + System.getProperty(p));
      }
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LineageDaemon.class.getName(),
        addressFile.toString()));
    String name = addressFile.getFileName().toString();
    File log = addressFile.resolveSibling(name.substring(0, name.length() - ".addr".length()) + ".log").toFile();
    try {
      // Run from the address folder: the daemon should not hold the caller's folder in use.
      Process p = new ProcessBuilder(cmd).directory(addressFile.getParent().toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).redirectErrorStream(true).start();
      return p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
