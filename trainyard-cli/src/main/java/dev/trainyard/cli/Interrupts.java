package dev.trainyard.cli;

import dev.trainyard.engine.Engine;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a run: the engine ends the running steps' processes and
 * records the run as canceled before the JVM exits.
 */
final class Interrupts implements AutoCloseable {
  private final Thread hook;
  private final CountDownLatch finished = new CountDownLatch(1);

  private Interrupts(Engine engine) {
    hook = new Thread(() -> {
      engine.cancel();
      try {
        // Give the engine time to record the cancellation; the store stays consistent either way.
        finished.await(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "trainyard-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  static Interrupts cancelOn(Engine engine) {
    return new Interrupts(engine);
  }

  /** The run has been recorded as ended. */
  void finished() {
    finished.countDown();
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: nothing to remove
    }
  }
}
