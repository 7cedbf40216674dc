package dev.trainyard.spec;

import java.nio.file.Path;

/** A data asset YAML ({@code data.schema.json}): name, version, type and path. */
public record DataAssetSpec(Meta meta, IoType type, Reference path, Path source) implements SpecDocument {}
