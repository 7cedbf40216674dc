package dev.trainyard.sdk;

import java.nio.file.Path;
import java.util.List;

/**
 * The entry of a parallel step written in Java: {@link #init} once per worker, {@link #run} once
 * per mini-batch. Workers are JVMs that stay up across mini-batches, so expensive set-up (loading
 * a model) happens once. In YAML:
 *
 * <pre>
 * task:
 *   type: java
 *   code: ./target/my-tasks.jar        # a jar or a classes folder
 *   entry_script: com.example.Score    # the class implementing ParallelTask
 *   program_arguments: --model ${{inputs.model}} --out ${{outputs.scores}}
 *   append_row_to: ${{outputs.rows}}
 * </pre>
 *
 * <p>A class needs a public no-argument constructor. Write a mini-batch's files under {@link
 * TaskContext#output(String)}; return rows for {@code append_row_to} (they are appended in
 * mini-batch order, whatever order the workers finish in). Throwing fails the mini-batch, which
 * is retried per {@code retry_settings}.
 */
public interface ParallelTask {

  /** Called once per worker before its first mini-batch. */
  default void init(TaskContext context) throws Exception {}

  /**
   * Processes one mini-batch.
   *
   * @param miniBatch the mini-batch's files, in a stable order
   * @return rows to append to the {@code append_row_to} output; may be empty
   */
  List<String> run(List<Path> miniBatch, TaskContext context) throws Exception;
}
