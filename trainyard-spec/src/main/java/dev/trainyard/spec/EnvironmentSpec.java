package dev.trainyard.spec;

import java.nio.file.Path;

/**
 * An environment YAML: an image, a conda file or a build context. Recorded, never built.
 *
 * @param build the {@code build.path} docker context, or null
 */
public record EnvironmentSpec(Meta meta, String image, Reference condaFile, Reference build, Path source)
    implements SpecDocument {}
