package dev.trainyard.spec.plan;

import dev.trainyard.spec.IoType;
import dev.trainyard.spec.Reference;

/**
 * A step output in a plan.
 *
 * @param promotedTo the pipeline output it fills, or null
 * @param assetName register the result as this data asset or model when the run completes, or null
 */
public record PlannedOutput(
    String name, IoType type, String mode, Reference path, String assetName, String assetVersion,
    String promotedTo) {}
