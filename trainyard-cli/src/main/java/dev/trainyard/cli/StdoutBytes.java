package dev.trainyard.cli;

import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Writes a whole text to standard output in one piece, encoded as {@code System.out} would encode
 * it. {@code PrintStream.print} encodes through a stream encoder a buffer at a time, which in a
 * freshly started JVM runs interpreted: for a lineage tree of thousands of lines that cost more
 * than building the text. {@link String#getBytes(Charset)} encodes it in one call.
 */
final class StdoutBytes {
  /**
   * Set by an entry point whose {@code System.out} is the process's own standard output. Elsewhere
   * (tests, or the CLI embedded in another program) {@code System.out} may be any stream with any
   * charset, which Java 17 does not expose, so text goes through its {@code print}.
   */
  static volatile boolean processStdout;

  private StdoutBytes() {}

  /** Prints {@code text} to {@code System.out} and flushes it. */
  static void print(String text) {
    PrintStream out = System.out;
    if (processStdout) {
      byte[] bytes = text.getBytes(charset());
      out.write(bytes, 0, bytes.length);
    } else {
      out.print(text);
    }
    out.flush();
  }

  /** The charset {@code System.out} encodes with (Java 17 names it in sun.stdout.encoding on a terminal). */
  static Charset charset() {
    for (String key : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
      String name = System.getProperty(key);
      if (name != null) {
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException e) {
          // an unknown name: PrintStream falls back to the default too
        }
      }
    }
    return Charset.defaultCharset();
  }
}
