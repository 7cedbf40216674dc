package dev.trainyard.spec.load;

import dev.trainyard.spec.ScheduleSpec;
import dev.trainyard.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a schedule's {@code trigger:}: cron or recurrence. */
final class ScheduleTrigger {
  private final Ctx ctx;

  ScheduleTrigger(Ctx ctx) {
    this.ctx = ctx;
  }

  ScheduleSpec.Trigger read(MapReader r) {
    YNode.Mapping t = r.mapping("trigger");
    if (t == null) {
      ctx.out.error(r.keyAt("trigger"), "trigger", "a schedule needs a 'trigger'", null);
      return null;
    }
    MapReader tr = ctx.reader(t, "trigger", KnownKeys.TRIGGER, "a trigger");
    String type = tr.string("type");
    if ("cron".equals(type)) {
      String expr = tr.string("expression");
      if (expr == null || expr.trim().split("\\s+").length != 5) {
        ctx.out.error(tr.at("expression"), "trigger.expression", "a cron trigger needs a five-field 'expression'",
            "for example \"0 2 * * *\"");
      }
      return new ScheduleSpec.Cron(expr, tr.string("start_time"), tr.string("time_zone"));
    }
    if ("recurrence".equals(type)) {
      String freq = tr.string("frequency");
      if (freq == null || !List.of("minute", "hour", "day", "week", "month").contains(freq.toLowerCase(java.util.Locale.ROOT))) {
        ctx.out.error(tr.at("frequency"), "trigger.frequency", "frequency must be minute, hour, day, week or month", null);
      }
      Long interval = tr.integer("interval");
      List<Integer> hours = new ArrayList<>();
      List<Integer> minutes = new ArrayList<>();
      YNode.Mapping sched = tr.mapping("schedule");
      if (sched != null) {
        MapReader sr = ctx.reader(sched, "trigger.schedule", java.util.Set.of("hours", "minutes", "week_days",
            "month_days"), "a recurrence schedule");
        ints(sr, "hours", 23, hours);
        ints(sr, "minutes", 59, minutes);
      }
      return new ScheduleSpec.Recurrence(freq, interval == null ? 1 : interval.intValue(), hours, minutes,
          tr.string("start_time"), tr.string("time_zone"));
    }
    ctx.out.error(tr.at("type"), "trigger.type", "trigger type must be cron or recurrence", null);
    return null;
  }

  private void ints(MapReader r, String key, int max, List<Integer> into) {
    for (String v : r.stringList(key)) {
      try {
        int i = Integer.parseInt(v.trim());
        if (i < 0 || i > max) {
          throw new NumberFormatException();
        }
        into.add(i);
      } catch (NumberFormatException e) {
        ctx.out.error(r.at(key), r.child(key), "'" + v + "' is not between 0 and " + max, null);
      }
    }
  }
}
