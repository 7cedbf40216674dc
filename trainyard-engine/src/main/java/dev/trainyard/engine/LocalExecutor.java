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
  private static final String SETSID = onPath("setsid");
  private static final String BASH = onPath("bash");
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
    // Programs by absolute path: a bare name makes the launcher and setsid try every folder on
    // PATH in turn (~16 failed execs per step here). A step that sets its own PATH gets bash
    // looked up on it, as before.
    String bash = task.env().containsKey("PATH") ? "bash" : BASH;
    ProcessBuilder pb = new ProcessBuilder(SETSID, bash, "-c", script)
        .directory(task.cwd().toFile())
        .redirectErrorStream(true)
        .redirectOutput(task.log().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(task.env());
    Process p = pb.start();
    running.add(p);
    try (LogTail tail = new LogTail(task.log(), sink::line)) {
      try {
        sink.started(p.pid());
      } catch (IOException | RuntimeException e) {
        // Not recorded as running, so nothing could end it later: end it now.
        killGroup(p);
        p.waitFor();
        throw e;
      }
      boolean finished = waitFor(p, tail, task.timeoutSeconds());
      if (!finished) {
        killGroup(p);
        p.waitFor();
      }
      tail.finish();
      return new Result(finished ? p.exitValue() : -1, !finished && !canceled, canceled);
    } finally {
      running.remove(p);
    }
  }

  /**
   * Waits for the process to exit (true) or the timeout to pass (false), following its log
   * meanwhile; the wait between log polls grows while the log is quiet. An exit ends the wait at
   * once, whatever the poll interval.
   */
  private static boolean waitFor(Process p, LogTail tail, Long timeoutSeconds) throws InterruptedException {
    long deadline = timeoutSeconds == null ? Long.MAX_VALUE : System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    long quietMillis = 2;
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      if (p.waitFor(Math.min(quietMillis * 1_000_000L, left), TimeUnit.NANOSECONDS)) {
        return true;
      }
      quietMillis = tail.poll() ? 2 : Math.min(quietMillis * 2, 100);
    }
  }

  /**
   * Starts a long-lived helper process (a parallel step's worker JVM) in its own process group,
   * ended with the rest by {@link #cancelAll}. Its stdout and stderr are merged.
   */
  public Process spawn(java.util.List<String> command, java.nio.file.Path cwd, java.util.Map<String, String> env)
      throws IOException {
    java.util.List<String> cmd = new java.util.ArrayList<>();
    cmd.add(SETSID);
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

  /** Where {@code program} is on this process's PATH (what a bare name would run), else the bare name. */
  static String onPath(String program) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(":")) {
        // Relative entries would be looked up from the step's folder: left to the system.
        if (!dir.startsWith("/")) {
          return program;
        }
        java.io.File f = new java.io.File(dir, program);
        if (f.isFile() && f.canExecute()) {
          return f.getPath();
        }
      }
    }
    return program;
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
