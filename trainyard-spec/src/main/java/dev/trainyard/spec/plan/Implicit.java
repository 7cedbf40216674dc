package dev.trainyard.spec.plan;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.InputValue;
import dev.trainyard.spec.Reference;
import dev.trainyard.spec.Step;
import dev.trainyard.spec.Template;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Implicit outputs: every command, parallel or Spark step has an {@code artifacts} output, its
 * working directory's {@code ./outputs/} folder, without declaring it. It joins a plan only where a
 * sibling binds it ({@code ${{parent.jobs.train.outputs.artifacts}}}), so plans of the many files
 * that never use it stay as written.
 */
final class Implicit {
  /** The name of the implicit output. */
  static final String ARTIFACTS = "artifacts";

  private Implicit() {}

  /** The steps of {@code jobs} whose {@code artifacts} output a sibling binds. */
  static Set<String> artifactsBound(Map<String, Step> jobs) {
    Set<String> bound = new LinkedHashSet<>();
    for (Step s : jobs.values()) {
      for (InputValue v : s.inputs().values()) {
        Template t = v instanceof InputValue.Bound b ? b.template()
            : v instanceof InputValue.Asset a && a.path() instanceof Reference.Bound rb ? rb.template() : null;
        if (t == null) {
          continue;
        }
        for (Template.Ref r : t.refs()) {
          Binding b = r.binding();
          if (b.scope() == Binding.Scope.PARENT_JOB_OUTPUTS && b.port().equals(ARTIFACTS)) {
            bound.add(b.job());
          }
        }
      }
    }
    return bound;
  }
}
