package dev.trainyard.store;

/** One metric value: key, value, the training step it belongs to, the time and the step run. */
public record MetricRecord(String key, double value, long step, long timestamp, Long stepRunId) {}
