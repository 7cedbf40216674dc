package dev.trainyard.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A schedule YAML: a cron or recurrence trigger and the pipeline job it creates.
 *
 * @param job the job it creates, loaded from {@code create_job} (a path or an inline pipeline)
 */
public record ScheduleSpec(Meta meta, Trigger trigger, PipelineJob job, Path source) implements SpecDocument {

  /** When a schedule fires. */
  public sealed interface Trigger {}

  /** {@code trigger.type: cron}. */
  public record Cron(String expression, String startTime, String timeZone) implements Trigger {}

  /** {@code trigger.type: recurrence}. */
  public record Recurrence(String frequency, int interval, List<Integer> hours, List<Integer> minutes,
      String startTime, String timeZone) implements Trigger {}
}
