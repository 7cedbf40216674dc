package dev.trainyard.cli;

/** Exit codes: 0 success, 1 the run failed, 2 bad input. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int BAD_INPUT = 2;

  private ExitCodes() {}
}
