package dev.trainyard.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Follows a log file a process is writing, handing each complete line to a consumer, until told
 * the process has finished; then reads what is left. Polls, as a file has no "data ready" event
 * that works everywhere; the wait between polls grows while the file is quiet.
 */
final class LogTail implements Runnable {
  private final Path file;
  private final Consumer<String> lines;
  private volatile boolean finished;

  LogTail(Path file, Consumer<String> lines) {
    this.file = file;
    this.lines = lines;
  }

  /** The process has ended: read to the end and stop. */
  void finish() {
    finished = true;
    synchronized (this) {
      notifyAll();
    }
  }

  @Override
  public void run() {
    long pos = 0;
    StringBuilder partial = new StringBuilder();
    byte[] buf = new byte[8192];
    long quietMillis = 1;
    try {
      while (true) {
        boolean last = finished;
        long len = Files.exists(file) ? Files.size(file) : 0;
        if (len > pos) {
          try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(pos);
            int n;
            while (pos < len && (n = f.read(buf, 0, (int) Math.min(buf.length, len - pos))) > 0) {
              pos += n;
              emit(new String(buf, 0, n, StandardCharsets.UTF_8), partial);
            }
          }
          quietMillis = 1;
        }
        if (last) {
          break;
        }
        synchronized (this) {
          if (!finished) {
            wait(quietMillis);
          }
        }
        quietMillis = Math.min(quietMillis * 2, 100);
      }
    } catch (IOException e) {
      // the log is still on disk; only live parsing stopped
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (partial.length() > 0) {
      lines.accept(partial.toString());
    }
  }

  private void emit(String chunk, StringBuilder partial) {
    for (int i = 0; i < chunk.length(); i++) {
      char c = chunk.charAt(i);
      if (c == '\n') {
        lines.accept(partial.toString());
        partial.setLength(0);
      } else if (c != '\r') {
        partial.append(c);
      }
    }
  }
}
