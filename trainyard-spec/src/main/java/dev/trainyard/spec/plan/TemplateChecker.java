package dev.trainyard.spec.plan;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.Component;
import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.Step;
import dev.trainyard.spec.Template;
import dev.trainyard.spec.load.Diagnostics;
import dev.trainyard.spec.load.Suggest;
import java.util.Map;

/**
 * Checks the bindings inside a step's command, arguments and parallel settings: each {@code
 * ${{inputs.X}}} and {@code ${{outputs.X}}} must name a port, and an unset optional input may only
 * appear inside {@code $[[...]]}.
 */
final class TemplateChecker {
  private final Diagnostics out;

  TemplateChecker(Diagnostics out) {
    this.out = out;
  }

  void check(Step step, Map<String, ResolvedInput> inputs, String path) {
    Component c = step.component();
    if (c instanceof Component.Command cmd) {
      check(cmd.command(), c, inputs, step, path + ".command");
    } else if (c instanceof Component.Parallel p) {
      check(p.inputData(), c, inputs, step, path + ".input_data");
      if (p.inputData() != null) {
        Binding b = p.inputData().soleBinding();
        if (b == null || b.scope() != Binding.Scope.INPUTS) {
          out.error(Planner.at(p.inputData(), step.at()), path + ".input_data",
              "input_data must be a single ${{inputs.NAME}}, found '" + p.inputData().raw() + "'", null);
        } else if (inputs.get(b.port()) != null && inputs.get(b.port()).type() != null
            && !inputs.get(b.port()).type().isAsset()) {
          out.error(Planner.at(p.inputData(), step.at()), path + ".input_data", "input_data '" + b
              + "' is a " + inputs.get(b.port()).type() + "; it must be a file, folder or table", null);
        }
      }
      if (p.task() != null) {
        check(p.task().programArguments(), c, inputs, step, path + ".task.program_arguments");
        check(p.task().appendRowTo(), c, inputs, step, path + ".task.append_row_to");
        if (p.task().appendRowTo() != null) {
          Binding b = p.task().appendRowTo().soleBinding();
          if (b == null || b.scope() != Binding.Scope.OUTPUTS) {
            out.error(Planner.at(p.task().appendRowTo(), step.at()), path + ".task.append_row_to",
                "append_row_to must be a single ${{outputs.NAME}}", null);
          }
        }
      }
    } else if (c instanceof Component.Spark s) {
      check(s.args(), c, inputs, step, path + ".args");
    }
  }

  private void check(Template t, Component c, Map<String, ResolvedInput> inputs, Step step, String path) {
    if (t == null) {
      return;
    }
    walk(t.parts(), false, c, inputs, step, path);
  }

  private void walk(java.util.List<Template.Part> parts, boolean optional, Component c,
      Map<String, ResolvedInput> inputs, Step step, String path) {
    for (Template.Part p : parts) {
      if (p instanceof Template.Optional o) {
        walk(o.parts(), true, c, inputs, step, path);
      } else if (p instanceof Template.Ref r) {
        ref(r, optional, c, inputs, step, path);
      }
    }
  }

  private void ref(Template.Ref r, boolean optional, Component c, Map<String, ResolvedInput> inputs, Step step,
      String path) {
    Binding b = r.binding();
    SourceSpan at = r.at() != null ? r.at() : step.at();
    switch (b.scope()) {
      case INPUTS -> {
        if (!c.inputs().containsKey(b.port()) && !inputs.containsKey(b.port())) {
          out.error(at, path, "'" + b + "' names no input of step '" + step.name() + "'",
              Suggest.hintOrList(b.port(), c.inputs().keySet(), "its inputs"));
        } else if (!optional && inputs.get(b.port()) instanceof ResolvedInput.Absent) {
          boolean declaredOptional = c.inputs().get(b.port()) != null && c.inputs().get(b.port()).optional();
          if (declaredOptional) {
            out.error(at, path, "optional input '" + b.port() + "' is unset but used outside $[[...]]",
                "wrap it: $[[--" + b.port() + " " + b + "]]");
          } else if (step.componentRef() == null) {
            // Inline steps declare no requirements; a referenced component's are checked on its inputs.
            out.error(at, path, "input '" + b.port() + "' has no value but is used outside $[[...]]",
                "give it a value, or wrap it: $[[--" + b.port() + " " + b + "]]");
          }
        }
      }
      case OUTPUTS -> {
        if (!c.outputs().containsKey(b.port()) && !step.outputs().containsKey(b.port())) {
          out.error(at, path, "'" + b + "' names no output of step '" + step.name() + "'",
              Suggest.hintOrList(b.port(), c.outputs().keySet(), "its outputs"));
        }
      }
      case RUN_NAME, DEFAULT_DATASTORE -> { }
      default -> out.error(at, path, "'" + b + "' cannot be used in a command; bind it in the step's inputs and"
          + " use ${{inputs.NAME}}", null);
    }
  }
}
