package dev.trainyard.store.lineage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a lineage graph.
 *
 * @param key unique in its graph: {@code run:ID}, {@code step:ID}, {@code sha256:HASH} (artifacts
 *     and file contents share it: content is content), {@code data:N:V}, {@code model:N:V}, ...
 * @param id the run id, step run id, hash or {@code name:version}
 * @param label what a person reads: {@code RUN:STEP} for a step run, {@code model:N:V}, the hash
 * @param attrs details in insertion order: strings, numbers, string maps, or for folders
 *     {@code file_list} (a folder's files) and {@code code_files} (a step's code snapshot), lists of
 *     {@link FileEntry}
 */
public record LineageNode(String key, NodeKind kind, String id, String label, Map<String, Object> attrs) {

  /** One file of a folder artifact. */
  public record FileEntry(String path, String sha256) {}

  /** A node with empty, modifiable attributes. */
  public static LineageNode of(String key, NodeKind kind, String id, String label) {
    return new LineageNode(key, kind, id, label, new LinkedHashMap<>());
  }

  /** The files of a folder artifact, or an empty list. */
  @SuppressWarnings("unchecked")
  public List<FileEntry> files() {
    Object f = attrs.get("file_list");
    return f instanceof List<?> l ? (List<FileEntry>) l : List.of();
  }

  /** The files of a step's code snapshot, or an empty list. */
  @SuppressWarnings("unchecked")
  public List<FileEntry> codeFiles() {
    Object f = attrs.get("code_files");
    return f instanceof List<?> l ? (List<FileEntry>) l : List.of();
  }

  /** The key of a content node. */
  public static String contentKey(String sha256) {
    return "sha256:" + sha256;
  }

  /** The key of a step run node. */
  public static String stepKey(long stepRunId) {
    return "step:" + stepRunId;
  }

  /** The key of a step run node, from the id's decimal text. */
  public static String stepKey(String stepRunId) {
    return "step:" + stepRunId;
  }

  /** The key of a run node. */
  public static String runKey(String runId) {
    return "run:" + runId;
  }
}
