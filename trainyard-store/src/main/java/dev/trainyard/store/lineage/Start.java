package dev.trainyard.store.lineage;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a walk begins, as a reference resolved to it: the root node's key and the contents and
 * step runs to walk from.
 *
 * <p>{@code pinned}: contents whose producing step run is known (a version registered from a
 * step's output). {@code loose}: file contents whose folders count as downstream of them.
 */
final class Start {
  final String root;
  final Set<String> contents = new LinkedHashSet<>();
  final Set<Long> steps = new LinkedHashSet<>();
  final Map<String, Long> pinned = new LinkedHashMap<>();
  final Set<String> loose = new LinkedHashSet<>();

  Start(String root) {
    this.root = root;
  }
}
