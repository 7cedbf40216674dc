package dev.trainyard.engine;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs steps as processes on this machine: {@code setsid bash -c COMMAND}, so each attempt leads
 * its own process group and can be ended whole (on timeout, Ctrl-C, or by a later resume after
 * this process was killed), with stdout and stderr merged into the attempt's log.
 */
public final class LocalExecutor implements StepExecutor {
  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private volatile boolean canceled;

  @Override
  public Result run(Task task, Sink sink) throws IOException, InterruptedException {
    if (canceled) {
      return new Result(-1, false, true);
    }
    ProcessBuilder pb = new ProcessBuilder("setsid", "bash", "-c", task.command())
        .directory(task.cwd().toFile())
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(task.env());
    Process p = pb.start();
    running.add(p);
    try {
      sink.started(p.pid());
      Thread pump = new Thread(() -> pump(p, task, sink), "log-" + task.step());
      pump.setDaemon(true);
      pump.start();
      boolean finished = task.timeoutSeconds() == null ? waitFor(p)
          : p.waitFor(task.timeoutSeconds(), TimeUnit.SECONDS);
      if (!finished) {
        killGroup(p);
        p.waitFor();
      }
      pump.join(5_000);
      return new Result(finished ? p.exitValue() : -1, !finished && !canceled, canceled);
    } finally {
      running.remove(p);
    }
  }

  private static boolean waitFor(Process p) throws InterruptedException {
    p.waitFor();
    return true;
  }

  private static void pump(Process p, Task task, Sink sink) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter w = Files.newBufferedWriter(task.log(), StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        w.write(line);
        w.newLine();
        w.flush();
        sink.line(line);
      }
    } catch (IOException e) {
      // The process went away mid-line; what was read is in the log.
    }
  }

  /**
   * Starts a long-lived helper process (a parallel step's worker JVM) in its own process group,
   * ended with the rest by {@link #cancelAll}. Its stdout and stderr are merged.
   */
  public Process spawn(java.util.List<String> command, java.nio.file.Path cwd, java.util.Map<String, String> env)
      throws IOException {
    java.util.List<String> cmd = new java.util.ArrayList<>();
    cmd.add("setsid");
    cmd.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    running.add(p);
    p.onExit().thenRun(() -> running.remove(p));
    if (canceled) {
      killGroup(p);
    }
    return p;
  }

  public boolean isCanceled() {
    return canceled;
  }

  @Override
  public void cancelAll() {
    canceled = true;
    running.forEach(LocalExecutor::killGroup);
  }

  private static void killGroup(Process p) {
    killGroup(p.pid());
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  /** Sends SIGKILL to a whole process group (an attempt started by this class). */
  public static void killGroup(long pgid) {
    try {
      new ProcessBuilder("kill", "-KILL", "--", "-" + pgid).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      ProcessHandle.of(pgid).ifPresent(ProcessHandle::destroyForcibly);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
