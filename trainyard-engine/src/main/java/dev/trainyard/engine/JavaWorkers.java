package dev.trainyard.engine;

import dev.trainyard.sdk.ParallelTask;
import dev.trainyard.sdk.ParallelWorker;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The worker JVMs of a {@code type: java} parallel step: up to {@code size} of them, started on
 * demand, each kept up across mini-batches (so a task's {@code init} runs once per worker) and
 * replaced when it fails, times out or dies. Each leads its own process group.
 */
final class JavaWorkers implements AutoCloseable {
  private final LocalExecutor executor;
  private final Path dir;
  private final List<String> classpath;
  private final Map<String, String> env;
  private final int size;
  private final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
  private final List<Worker> all = new ArrayList<>();
  private int started;

  JavaWorkers(LocalExecutor executor, Path dir, List<String> classpath, Map<String, String> env, int size) {
    this.executor = executor;
    this.dir = dir;
    this.classpath = classpath;
    this.env = env;
    this.size = size;
  }

  /** The SDK jar (or classes folder) the workers run from. */
  static String sdkLocation() {
    try {
      return Path.of(ParallelTask.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts up to {@code wanted} workers at once (at most {@code size}), idle until taken, so that
   * their JVMs boot while the step's first mini-batches are staged rather than after.
   */
  synchronized void prestart(int wanted) throws IOException {
    while (started < Math.min(wanted, size)) {
      Worker w = new Worker(started++);
      all.add(w);
      idle.add(w);
    }
  }

  /** An idle worker, starting one if fewer than {@code size} exist. */
  Worker take() throws IOException, InterruptedException {
    synchronized (this) {
      if (idle.isEmpty() && started < size) {
        Worker w = new Worker(started++);
        all.add(w);
        return w;
      }
    }
    return idle.take();
  }

  /** Returns a healthy worker to the pool, or replaces a broken one by a later start. */
  void give(Worker w, boolean healthy) {
    if (healthy) {
      idle.add(w);
    } else {
      w.kill();
      synchronized (this) {
        started--;
        all.remove(w);
      }
    }
  }

  @Override
  public synchronized void close() {
    for (Worker w : all) {
      w.exit();
    }
  }

  /** One worker JVM and its protocol. */
  final class Worker {
    final int id;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private volatile Writer log;
    boolean initialized;

    Worker(int id) throws IOException {
      this.id = id;
      Path wdir = Files.createDirectories(dir.resolve("workers").resolve(Integer.toString(id)));
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> cmd = List.of(javaBin, "-XX:+UseSerialGC", "-cp", String.join(java.io.File.pathSeparator, classpath),
          ParallelWorker.class.getName());
      process = executor.spawn(cmd, dir.resolve("code"), env);
      Files.writeString(wdir.resolve("pid"), Long.toString(process.pid()));
      stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
      Thread reader = new Thread(this::pump, "java-worker-" + id);
      reader.setDaemon(true);
      reader.start();
    }

    private void pump() {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith(ParallelWorker.REPLY)) {
            replies.add(line.substring(ParallelWorker.REPLY.length()));
          } else {
            Writer w = log;
            if (w != null) {
              synchronized (this) {
                w.write(line);
                w.write('\n');
                w.flush();
              }
            }
          }
        }
      } catch (IOException e) {
        // the worker is gone; the waiting command sees it
      }
      replies.add("EOF");
    }

    /**
     * Sends one command and waits for its answer: null for OK, else why it failed. A worker
     * that timed out or died is not usable again.
     */
    String call(String command, Long timeoutSeconds, Writer logTo) throws InterruptedException {
      log = logTo;
      try {
        stdin.write(command);
        stdin.write('\n');
        stdin.flush();
      } catch (IOException e) {
        return "worker exited";
      }
      String reply = timeoutSeconds == null ? replies.take() : replies.poll(timeoutSeconds, TimeUnit.SECONDS);
      if (reply == null) {
        return "timed out after " + timeoutSeconds + " s";
      }
      if (reply.equals("EOF")) {
        return "worker exited" + (process.isAlive() ? "" : " with code " + exitCode());
      }
      return reply.equals("OK") ? null : reply.startsWith("ERR ") ? reply.substring(4) : reply;
    }

    private int exitCode() {
      try {
        process.waitFor(2, TimeUnit.SECONDS);
        return process.exitValue();
      } catch (InterruptedException | IllegalThreadStateException e) {
        return -1;
      }
    }

    void kill() {
      LocalExecutor.killGroup(process.pid());
      process.destroyForcibly();
    }

    void exit() {
      try {
        stdin.write("EXIT\n");
        stdin.flush();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (IOException | InterruptedException e) {
        kill();
      }
    }
  }
}
