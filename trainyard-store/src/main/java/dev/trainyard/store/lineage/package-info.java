/**
 * Lineage: what produced a model, data asset, run, step run or artifact (upstream) and what was
 * derived from it (downstream), walked over the workspace's recorded edges — {@code step_io}
 * (step runs' inputs and outputs), {@code tree_files} (which folders hold which file contents)
 * and {@code assets} (what was registered from which content).
 *
 * <p>Walks go a level at a time: each level is a handful of set-at-a-time queries over the
 * nodes found by the level before, never one query per node, so a graph of thousands of nodes
 * costs tens of queries. {@link dev.trainyard.store.lineage.Lineage} is the entry point;
 * the result is a {@link dev.trainyard.store.lineage.LineageGraph} that the CLI renders.
 */
package dev.trainyard.store.lineage;
