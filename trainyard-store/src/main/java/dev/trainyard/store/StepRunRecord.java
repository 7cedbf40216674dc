package dev.trainyard.store;

/**
 * One step of one run as stored.
 *
 * @param keyParts the cache key's parts as JSON, for explaining reuse
 * @param reusedFrom the earlier step run whose outputs were reused, or null
 */
public record StepRunRecord(
    long id, String runId, String name, String status, String cacheKey, String keyParts, Long reusedFrom,
    Long seed, Long startedAt, Long endedAt, Long durationMs, String error, String checkpoint, int version) {

  public boolean isCompleted() {
    return status.equals("completed");
  }
}
