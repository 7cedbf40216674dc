package dev.trainyard.store.lineage;

/**
 * A relation between two nodes (by {@link LineageNode#key()}), pointing the way data flows.
 *
 * @param label the input or output name, the path inside a folder, or null
 */
public record LineageEdge(String from, String to, EdgeKind kind, String label) {}
