package dev.trainyard.spec.plan;

import dev.trainyard.spec.Binding;
import dev.trainyard.spec.Component;
import dev.trainyard.spec.SourceSpan;
import dev.trainyard.spec.Step;
import dev.trainyard.spec.Template;
import dev.trainyard.spec.load.Diagnostics;
import dev.trainyard.spec.load.Suggest;
import java.util.List;
import java.util.Map;

/**
 * Checks the bindings inside a step's command, arguments and parallel settings: each {@code
 * ${{inputs.X}}} and {@code ${{outputs.X}}} must name a port, and an unset input may only appear
 * inside {@code $[[...]]}. (That {@code input_data} and {@code append_row_to} are single bindings
 * is checked when loading, where their text has a position.)
 *
 * <p>A finding is placed where the binding is written: in the pipeline file for an inline step, in
 * the component's file for a referenced one; its YAML path is then relative to that file.
 */
final class TemplateChecker {
  private final Diagnostics out;

  TemplateChecker(Diagnostics out) {
    this.out = out;
  }

  /**
   * Checks {@code step}, whose YAML path in its file is {@code stepPath} ("" for a standalone job or
   * a component checked alone); {@code subject} names it in messages ("step 'train'", "the job").
   */
  void check(Step step, Map<String, ResolvedInput> inputs, String stepPath, String subject) {
    new StepCheck(step, inputs, stepPath, subject).run();
  }

  /** The checks of one step. */
  private final class StepCheck {
    private final Step step;
    private final Component c;
    private final Map<String, ResolvedInput> inputs;
    private final String stepPath;
    private final String subject;

    StepCheck(Step step, Map<String, ResolvedInput> inputs, String stepPath, String subject) {
      this.step = step;
      this.c = step.component();
      this.inputs = inputs;
      this.stepPath = stepPath;
      this.subject = subject;
    }

    void run() {
      if (c instanceof Component.Command cmd) {
        template(cmd.command(), "command");
      } else if (c instanceof Component.Parallel p) {
        template(p.inputData(), "input_data");
        Binding b = p.inputData() == null ? null : p.inputData().soleBinding();
        ResolvedInput data = b == null || b.scope() != Binding.Scope.INPUTS ? null : inputs.get(b.port());
        if (data != null && data.type() != null && !data.type().isAsset()) {
          SourceSpan at = Planner.at(p.inputData(), step.at());
          out.error(at, path(at, "input_data"), "input_data '" + b + "' is " + TypeCheck.article(data.type())
              + "; it must be a file, folder or table", null);
        }
        if (p.task() != null) {
          template(p.task().programArguments(), "task.program_arguments");
          template(p.task().appendRowTo(), "task.append_row_to");
        }
      } else if (c instanceof Component.Spark s) {
        template(s.args(), "args");
      }
    }

    /** The YAML path of {@code key} in the file that {@code at} is in. */
    private String path(SourceSpan at, String key) {
      boolean inStepFile = at.file().equals(step.at().file());
      return stepPath.isEmpty() || !inStepFile ? key : stepPath + "." + key;
    }

    /** Names the step in messages placed in a component's file, which may serve several steps. */
    private String stepWord() {
      return subject;
    }

    private void template(Template t, String key) {
      if (t != null) {
        walk(t.parts(), false, key);
      }
    }

    private void walk(List<Template.Part> parts, boolean optional, String key) {
      for (Template.Part p : parts) {
        if (p instanceof Template.Optional o) {
          walk(o.parts(), true, key);
        } else if (p instanceof Template.Ref r) {
          ref(r, optional, key);
        }
      }
    }

    private void ref(Template.Ref r, boolean optional, String key) {
      Binding b = r.binding();
      SourceSpan at = r.at() != null ? r.at() : step.at();
      String path = path(at, key);
      switch (b.scope()) {
        case INPUTS -> {
          if (!c.inputs().containsKey(b.port()) && !inputs.containsKey(b.port())) {
            out.error(at, path, "'" + b + "' names no input of " + stepWord(),
                Suggest.hintOrList(b.port(), c.inputs().keySet(), "its inputs"));
          } else if (!optional && inputs.get(b.port()) instanceof ResolvedInput.Absent) {
            boolean declaredOptional = c.inputs().get(b.port()) != null && c.inputs().get(b.port()).optional();
            if (declaredOptional) {
              out.error(at, path, "optional input '" + b.port() + "' is unset in " + stepWord()
                  + " but used outside $[[...]]", "wrap it: $[[--" + b.port() + " " + b + "]]");
            } else if (step.componentRef() == null) {
              // Inline steps declare no requirements; a referenced component's are checked on its inputs.
              out.error(at, path, "input '" + b.port() + "' has no value but is used outside $[[...]]",
                  "give it a value, or wrap it: $[[--" + b.port() + " " + b + "]]");
            }
          }
        }
        case OUTPUTS -> {
          if (!c.outputs().containsKey(b.port()) && !step.outputs().containsKey(b.port())) {
            out.error(at, path, "'" + b + "' names no output of " + stepWord(),
                Suggest.hintOrList(b.port(), c.outputs().keySet(), "its outputs"));
          }
        }
        case RUN_NAME, DEFAULT_DATASTORE -> { }
        case SEARCH_SPACE -> out.error(at, path, InputResolver.SEARCH_SPACE_MESSAGE.formatted(b), null);
        default -> out.error(at, path, "'" + b + "' cannot be used in a command; bind it in the step's inputs and"
            + " use ${{inputs.NAME}}", null);
      }
    }
  }
}
