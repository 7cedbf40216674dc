/**
 * Registries on the workspace store: versioned, immutable data assets, models and components
 * ({@code name:version} pointing at a stored artifact), their tags and aliases, and the index of
 * folder contents that lets lineage find every use of a file by its hash.
 */
package dev.trainyard.store.registry;
