package dev.trainyard.engine;

/** TEMPORARY profiling aid. */
final class Trace {
  static final boolean ON = System.getenv("TRAINYARD_TRACE") != null;
  static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicLong> SUM = new java.util.concurrent.ConcurrentHashMap<>();
  static long t() { return System.nanoTime(); }
  static void add(String what, long t0) {
    if (ON) SUM.computeIfAbsent(what, k -> new java.util.concurrent.atomic.AtomicLong()).addAndGet(System.nanoTime() - t0);
  }
  static void dump() {
    if (ON) { new java.util.TreeMap<>(SUM).forEach((k, v) -> System.err.printf("TRACE %-20s %8.1f ms%n", k, v.get() / 1e6)); SUM.clear(); }
  }
}
