package dev.trainyard.store;

/** One try of a step run. */
public record AttemptRecord(
    long id, long stepRunId, int number, String status, Long pid, Integer exitCode, long startedAt, Long endedAt,
    String logSha256, String error) {}
