package dev.trainyard.spec;

/**
 * A step's environment as written: a reference ({@code azureml:name@latest}, a registry URI, a
 * file) or an inline {@code {image, conda_file}}. Trainyard records environments; it does not
 * build them.
 */
public record Environment(String raw, Reference reference, String image, Reference condaFile, SourceSpan at) {}
