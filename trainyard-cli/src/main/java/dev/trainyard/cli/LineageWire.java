package dev.trainyard.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages between {@link LineageClient} and {@link LineageDaemon}, one exchange per
 * connection. A request is the daemon's secret token (proof that the caller could read the
 * daemon's address file, which only its user can), the caller's folder, its {@code
 * TRAINYARD_HOME}, its standard output's charset and the command line; a reply is the exit code,
 * then what the command wrote to standard output and to standard error. Strings are
 * length-prefixed UTF-8.
 */
final class LineageWire {
  /** "TYL" and a version: a daemon of another build does not misread a request. */
  static final int MAGIC = 0x54594c01;
  /** Far above any real command line; a guard against reading garbage as a length. */
  private static final int MAX_STRING = 1 << 20;

  private LineageWire() {}

  record Request(String token, String cwd, String home, String charset, List<String> args) {
    void write(DataOutputStream out) throws IOException {
      out.writeInt(MAGIC);
      string(out, token);
      string(out, cwd);
      out.writeBoolean(home != null);
      string(out, home == null ? "" : home);
      string(out, charset);
      out.writeInt(args.size());
      for (String a : args) {
        string(out, a);
      }
      out.flush();
    }

    static Request read(DataInputStream in) throws IOException {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a lineage request of this version");
      }
      String token = string(in);
      String cwd = string(in);
      boolean hasHome = in.readBoolean();
      String home = string(in);
      String charset = string(in);
      int n = in.readInt();
      if (n < 0 || n > 10_000) {
        throw new IOException("bad argument count " + n);
      }
      List<String> args = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        args.add(string(in));
      }
      return new Request(token, cwd, hasHome ? home : null, charset, args);
    }
  }

  record Reply(int exitCode, byte[] out, byte[] err) {
    void write(DataOutputStream o) throws IOException {
      o.writeInt(MAGIC);
      o.writeInt(exitCode);
      o.writeInt(out.length);
      o.write(out);
      o.writeInt(err.length);
      o.write(err);
      o.flush();
    }

    static Reply read(DataInputStream in) throws IOException {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a lineage reply of this version");
      }
      int code = in.readInt();
      byte[] out = bytes(in);
      byte[] err = bytes(in);
      return new Reply(code, out, err);
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_STRING) {
      throw new IOException("bad string length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** A length-prefixed block of output; a connection cut short is an error, not a short answer. */
  private static byte[] bytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("bad length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
