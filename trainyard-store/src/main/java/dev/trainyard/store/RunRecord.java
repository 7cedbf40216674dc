package dev.trainyard.store;

/** A run as stored: one execution of a pipeline. Times are epoch milliseconds. */
public record RunRecord(
    String id, String experiment, String pipeline, String specFile, String specSha256, String overrides,
    String status, long seed, long createdAt, Long endedAt, Long ownerPid, String ownerHost, int version) {

  public boolean isFinished() {
    return !status.equals("running");
  }
}
