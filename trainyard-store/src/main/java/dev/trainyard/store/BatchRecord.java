package dev.trainyard.store;

/**
 * A finished mini-batch of a parallel step run.
 *
 * @param outputs JSON map of output name to the tree of files the mini-batch wrote
 * @param rowsSha256 the rows it appended (for {@code append_row_to}), or null
 */
public record BatchRecord(
    long stepRunId, int index, String status, int items, int attempts, String outputs, String rowsSha256,
    String logSha256, String error) {

  public boolean succeeded() {
    return status.equals("succeeded");
  }
}
