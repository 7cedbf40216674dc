package dev.trainyard.spec.plan;

import dev.trainyard.spec.load.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Execution order: topological, keeping file order among independent steps; cycles are errors. */
final class Order {
  private Order() {}

  static List<PlannedStep> topological(List<PlannedStep> steps, Diagnostics out) {
    Map<String, PlannedStep> byName = new LinkedHashMap<>();
    steps.forEach(s -> byName.put(s.name(), s));
    Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
    List<PlannedStep> order = new ArrayList<>();
    for (PlannedStep s : steps) {
      List<String> cycle = visit(s, byName, state, order, new ArrayList<>());
      if (cycle != null) {
        PlannedStep first = byName.get(cycle.get(0));
        out.error(first.at(), "jobs." + first.name(), "cycle: " + String.join(" -> ", cycle),
            "a step cannot depend, directly or indirectly, on its own outputs");
        return steps;
      }
    }
    return order;
  }

  // Iterative would be safer for huge graphs; depth is bounded by the number of steps, and
  // plans of tens of thousands of chained steps are not a real use.
  private static List<String> visit(PlannedStep s, Map<String, PlannedStep> byName, Map<String, Integer> state,
      List<PlannedStep> order, List<String> stack) {
    Integer st = state.get(s.name());
    if (st != null && st == 2) {
      return null;
    }
    if (st != null && st == 1) {
      List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(s.name()), stack.size()));
      cycle.add(s.name());
      return cycle;
    }
    state.put(s.name(), 1);
    stack.add(s.name());
    for (String dep : s.dependsOn()) {
      PlannedStep d = byName.get(dep);
      if (d != null) {
        List<String> c = visit(d, byName, state, order, stack);
        if (c != null) {
          return c;
        }
      }
    }
    stack.remove(stack.size() - 1);
    state.put(s.name(), 2);
    order.add(s);
    return null;
  }
}
