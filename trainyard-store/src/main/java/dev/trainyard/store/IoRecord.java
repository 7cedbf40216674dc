package dev.trainyard.store;

/**
 * A lineage edge: a step run consumed ({@code in}) or produced ({@code out}) an artifact or a
 * parameter value.
 */
public record IoRecord(long stepRunId, String direction, String name, String artifactSha256, String value) {}
