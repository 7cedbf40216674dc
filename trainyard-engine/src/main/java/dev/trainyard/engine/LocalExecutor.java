package dev.trainyard.engine;

import java.io.IOException;
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
    // Output goes straight to the log file: a pipe would lose what background jobs write after the
    // shell exits (the JDK closes a finished process's pipe). The trailing `wait` lets the
    // command's background jobs finish, as a step's output includes theirs; the exit status stays
    // the command's own.
    String script = task.command() + "\n__trainyard_rc=$?; wait; exit $__trainyard_rc";
    ProcessBuilder pb = new ProcessBuilder("setsid", "bash", "-c", script)
        .directory(task.cwd().toFile())
        .redirectErrorStream(true)
        .redirectOutput(task.log().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(task.env());
    Process p = pb.start();
    running.add(p);
    try {
      sink.started(p.pid());
      LogTail tail = new LogTail(task.log(), sink::line);
      Thread pump = new Thread(tail, "log-" + task.step());
      pump.setDaemon(true);
      pump.start();
      boolean finished = task.timeoutSeconds() == null ? waitFor(p)
          : p.waitFor(task.timeoutSeconds(), TimeUnit.SECONDS);
      if (!finished) {
        killGroup(p);
        p.waitFor();
      }
      tail.finish();
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
