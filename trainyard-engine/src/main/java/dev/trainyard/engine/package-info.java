/**
 * The engine: plans run as graphs of steps with bounded concurrency, through the {@link
 * dev.trainyard.engine.StepExecutor} SPI (the local executor runs processes), with cache keys,
 * reuse of intact earlier results, retries with backoff and resume.
 */
package dev.trainyard.engine;
