package dev.trainyard.spec;

import java.nio.file.Path;

/** A model YAML ({@code model.schema.json}): name, version, type and path. */
public record ModelSpec(Meta meta, IoType type, Reference path, Path source) implements SpecDocument {}
