package dev.trainyard.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Follows a log file a process is writing, handing each complete line to a consumer. Driven by
 * the thread that waits for the process ({@link #poll} between waits, {@link #finish} once it has
 * ended) rather than by a thread of its own: most steps are short, and a thread per attempt cost
 * more than the step's own bookkeeping. The file stays open between polls.
 */
final class LogTail implements AutoCloseable {
  private final Path file;
  private final Consumer<String> lines;
  private final ByteBuffer buf = ByteBuffer.allocate(8192);
  private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();
  private FileChannel ch;

  LogTail(Path file, Consumer<String> lines) {
    this.file = file;
    this.lines = lines;
  }

  /** Hands on the complete lines written since the last call; true when anything was read. */
  boolean poll() {
    try {
      if (ch == null) {
        ch = FileChannel.open(file, StandardOpenOption.READ);
      }
      boolean any = false;
      while (ch.read(buf.clear()) > 0) {
        any = true;
        emit(buf.array(), buf.position());
      }
      return any;
    } catch (NoSuchFileException e) {
      return false; // not created yet
    } catch (IOException e) {
      return false; // the log is still on disk; only live parsing is affected
    }
  }

  /** The process has ended: reads to the end, hands on the last, unterminated line too. */
  void finish() {
    poll();
    if (partial.size() > 0) {
      line();
    }
  }

  @Override
  public void close() {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // read-only; nothing to lose
      }
    }
  }

  /** Splits on bytes, decoding whole lines, so a character split across two reads stays whole. */
  private void emit(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (b[i] == '\n') {
        line();
      } else if (b[i] != '\r') {
        partial.write(b[i]);
      }
    }
  }

  private void line() {
    lines.accept(partial.toString(StandardCharsets.UTF_8));
    partial.reset();
  }
}
